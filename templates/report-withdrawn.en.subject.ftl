[${reference}] Your report was withdrawn
