# What only the PDF says: its metadata and page footers (see src/domain/phrases.rs).
pdf-subject-company = Vertriebsbenchmark-Bericht für { $company }
pdf-subject = Vertriebsbenchmark-Bericht
pdf-title-company = { $study }: Bericht für { $company }
pdf-title = { $study }: Bericht
pdf-page = Seite { $number } von { $total }
pdf-generated = Erstellt am { $date }
