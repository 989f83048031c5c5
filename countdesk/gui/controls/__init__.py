"""The small controls that dialogs, models and the tabs are made of: a figure field, refusals shown
at the field, the set-up forms, the PDF preview, a count sheet's fields. They import no dialog,
model or tab, so anything in the GUI may use them."""
