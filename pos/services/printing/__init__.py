"""Print use cases: gather what a document shows, build it once, store the jobs (bytes and all),
and let the spooler send them. Storing is the only thing done here; no printer IO.

Callers use `printing.<act>`; the parts live in modules named for what they hold: records
(PrintContext, JobInfo), slip_data (what each document shows), plans (the documents of a
request), queue (queueing and archiving), prerender (rendering ahead of the transaction) and jobs
(the print queue as the operator works it, reprints too)."""

from pos.services.printing.jobs import (
    cancel_job,
    get_job,
    job_payload,
    list_jobs,
    queue_counts,
    redirect_job,
    reprint_job,
    retry_job,
)
from pos.services.printing.prerender import Prerendered, prerender
from pos.services.printing.queue import (
    print_document,
    queue_document,
    queue_drawer,
    queue_in_session,
    queue_sales_slip,
    write_pdf,
)
from pos.services.printing.records import KINDS, REVISION, JobInfo, PrintContext, job_info
from pos.services.printing.slip_data import box_label_data, receipt_data, return_slip_data, sales_slip_data

__all__ = [
    "KINDS",
    "REVISION",
    "JobInfo",
    "PrintContext",
    "Prerendered",
    "box_label_data",
    "cancel_job",
    "get_job",
    "job_info",
    "job_payload",
    "list_jobs",
    "prerender",
    "print_document",
    "queue_counts",
    "queue_document",
    "queue_drawer",
    "queue_in_session",
    "queue_sales_slip",
    "receipt_data",
    "redirect_job",
    "reprint_job",
    "retry_job",
    "return_slip_data",
    "sales_slip_data",
    "write_pdf",
]
