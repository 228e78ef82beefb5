[${reference}] لم يُطبّق: في ردك مشكلات ${macToken}
