"""Printers addressed by URI, and the bytes' way to them.

    tcp://host[:9100]                     network printer (raw port)
    usb://VID:PID                         USB printer (hex ids, e.g. usb://0416:5011)
    serial:///dev/ttyUSB0?baudrate=9600   serial printer
    cups://QUEUE                          a CUPS queue, sent raw (lp -o raw)
    file:///path/out.bin                  append the bytes to a file (testing, capture)
    preview:                              no printer: a PDF in the preview folder

Any URI takes printer options as query parameters: encoding (gb18030, gbk, gb2312, utf-8),
paper (80 or 58), profile (python-escpos printer profile), timeout (seconds), status (none: a
printer that never answers status requests; its jobs end "sent, unconfirmed"), e.g.
`tcp://192.168.1.50:9100?encoding=gbk&paper=58`.

A job is printed ("done") only when the printer answered a status request sent after the job's last
byte on the same connection: no reply, a short write or a reset holds the job for a person.

Every connection is opened, used for one whole job, and closed: many network printers accept one
client at a time. All of this is blocking IO and runs on the spooler's thread, never the GUI's.

Callers import from here; the parts live in printer_uri (parsing), printer_status (status
replies, errors) and transports (the connections).
"""

from pos.printing.printer_status import (
    DLE_EOT,
    Delivery,
    PrinterError,
    PrinterStatus,
    english,
    not_ready,
    status_from_replies,
    stored_error,
)
from pos.printing.printer_uri import SCHEMES, PrinterConfig, parse_uri
from pos.printing.transports import (
    Connection,
    CupsConnection,
    EscposDeviceConnection,
    FileConnection,
    TcpConnection,
    open_connection,
)

__all__ = [
    "DLE_EOT",
    "Delivery",
    "SCHEMES",
    "Connection",
    "CupsConnection",
    "EscposDeviceConnection",
    "FileConnection",
    "PrinterConfig",
    "PrinterError",
    "PrinterStatus",
    "TcpConnection",
    "english",
    "not_ready",
    "open_connection",
    "parse_uri",
    "status_from_replies",
    "stored_error",
]
