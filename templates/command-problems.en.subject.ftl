[${reference}] Not applied: your reply had problems ${macToken}
