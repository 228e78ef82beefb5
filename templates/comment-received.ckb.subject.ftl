[${reference}] نامەکەت گەیشت
