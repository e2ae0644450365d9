"""Reading catalog files: CSV (UTF-8, or GB18030 as Excel saves it on Chinese Windows) and .xlsx."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from pos.domain.errors import InvalidInput

Row = tuple[int, list[object]]  # (line number in the file, cell values)


def read_rows(path: Path) -> Iterator[Row]:
    if not path.exists():
        raise InvalidInput("File not found: {path}", path=str(path))
    if not path.is_file():
        raise InvalidInput("Not a file: {path}", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    raise InvalidInput("Unsupported file type '{suffix}': use .csv or .xlsx.", suffix=suffix)


def _csv_rows(path: Path) -> Iterator[Row]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise InvalidInput("{path} is neither UTF-8 nor GB18030 text.", path=str(path))
    if "\x00" in text:
        raise InvalidInput("{path} is not a text file.", path=str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for values in reader:
            yield reader.line_num, list(values)
    except csv.Error as exc:
        raise InvalidInput(
            "{path} line {line}: {reason}", path=str(path), line=reader.line_num, reason=str(exc)
        ) from None


def _xlsx_rows(path: Path) -> Iterator[Row]:
    import zipfile

    from openpyxl import load_workbook  # only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # not read_only: that mode does not see merged cells, and a merged category or price
        # covering several rows is how price lists are often laid out
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InvalidInput(
            "{path} is not a readable .xlsx workbook: {reason}", path=str(path), reason=str(exc)
        ) from None
    try:
        sheet = workbook.worksheets[0]
        merged: dict[tuple[int, int], object] = {}
        for cells in sheet.merged_cells.ranges:
            value = sheet.cell(cells.min_row, cells.min_col).value
            for row in range(cells.min_row, cells.max_row + 1):
                for column in range(cells.min_col, cells.max_col + 1):
                    merged[row, column] = value
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            row_values: list[object] = list(values)
            for column in range(1, len(row_values) + 1):
                if (number, column) in merged:
                    row_values[column - 1] = merged[number, column]
            yield number, row_values
    finally:
        workbook.close()
