# What only the PDF says: its metadata and page footers (see src/domain/phrases.rs).
pdf-subject-company = Sales benchmark report for { $company }
pdf-subject = Sales benchmark report
pdf-title-company = { $study } report: { $company }
pdf-title = { $study } report
pdf-page = Page { $number } of { $total }
pdf-generated = Generated on { $date }
