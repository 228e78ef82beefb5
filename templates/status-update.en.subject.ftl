[${reference}] An update on your report
