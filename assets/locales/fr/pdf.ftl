# What only the PDF says: its metadata and page footers (see src/domain/phrases.rs).
pdf-subject-company = Rapport de benchmark commercial pour { $company }
pdf-subject = Rapport de benchmark commercial
pdf-title-company = { $study }{"\u00A0"}: rapport pour { $company }
pdf-title = { $study }{"\u00A0"}: rapport
pdf-page = Page { $number } sur { $total }
pdf-generated = Généré le { $date }
