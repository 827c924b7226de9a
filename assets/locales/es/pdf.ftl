# What only the PDF says: its metadata and page footers (see src/domain/phrases.rs).
pdf-subject-company = Informe de benchmark comercial para { $company }
pdf-subject = Informe de benchmark comercial
pdf-title-company = { $study }: informe para { $company }
pdf-title = { $study }: informe
pdf-page = Página { $number } de { $total }
pdf-generated = Generado el { $date }
