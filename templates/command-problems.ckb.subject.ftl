[${reference}] جێبەجێ نەکرا: وەڵامەکەت کێشەی هەیە ${macToken}
