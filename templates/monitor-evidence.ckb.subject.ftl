[${reference}] بەڵگەکان ${mail} لە ${mails}
