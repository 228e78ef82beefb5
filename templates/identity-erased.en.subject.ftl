[${reference}] Your details were deleted
