"""The scoring engine: answers rated against rubrics, pure and free of I/O."""
