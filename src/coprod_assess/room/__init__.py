"""The room mode: everyone in the room answers on their own phone, privately.

`coprod workshop` starts a small web server on the facilitator's laptop. The
pieces here are plain code the CLI only starts: the room's secrets (`keys`),
its state and the one writer of the answers file (`state`), the pages
(`pages`), the sense-check round once answering has closed (`check_round`,
`check_pages`), the guards every request passes (`guards`), and the server
(`serve`). Nothing here is imported by `coprod --help`.
"""
