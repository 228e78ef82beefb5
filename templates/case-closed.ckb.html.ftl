<#import "layout.html.ftl" as layout>
<@layout.page title="ئەم دۆسیەیە داخراوە">
<@layout.paragraph>سوپاس بۆ ئەوەی دیسان نامەت بۆ ناردین.</@layout.paragraph>
<@layout.code label="ژمارەی ئاماژە:" value=reference/>
<@layout.paragraph>ئەم دۆسیەیە داخراوە، و وەک بەڵێنمان دابوو ئەو زانیاریانەی کە دەیانتوانی ناسنامەی ڕاپۆرتدەر ئاشکرا بکەن سڕاونەتەوە، بۆیە ناتوانین نامەکەت بخەینە سەری.</@layout.paragraph>
<@layout.paragraph>ئەگەر شتێکی نوێت هەیە بۆ ڕاپۆرتکردن، تکایە نامەیەکی نوێ بنێرە بۆ <span dir="ltr">${mailbox}</span> بەبێ ئەم ژمارەی ئاماژەیە لە بابەتەکەدا. وەک ڕاپۆرتێکی نوێ وەردەگیرێت.</@layout.paragraph>
<@layout.signature team="تیمی چاودێری" organisation=organisation automatic="ئەمە نامەیەکی خۆکارە."/>
</@layout.page>
