<#assign measureName = (measure == "first-action")?then("یەکەم کردار", "چارەسەر")>ڕاپۆرتی ${reference} (${mailbox}، ${category}) دەبێت پێش ${due} (کاتی جیهانی) ${measureName}ی بۆ بکرێت.

وەڵامی ئاگادارکردنەوەکەی بدەرەوە بە فەرمانێک (#assign me یان #status investigating ...) بۆ مامەڵەکردن لەگەڵی.
