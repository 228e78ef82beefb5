<#import "layout.html.ftl" as layout>
<@layout.page title="ڕاپۆرتەکەت کشایەوە">
<@layout.paragraph>وەک داوات کردبوو، ڕاپۆرتەکەت کشایەوە.</@layout.paragraph>
<@layout.code label="ژمارەی ئاماژە:" value=reference/>
<@layout.paragraph>چاودێران ئاگادار کرانەوە، و جارێکی تر دەربارەی ئەم ڕاپۆرتە نامەت بۆ نانێرین. ڕاپۆرتەکە تەنها وەک ڕاپۆرتێکی کشاوە دەمێنێتەوە و لێکۆڵینەوەی زیاتری لەسەر ناکرێت.</@layout.paragraph>
<@layout.paragraph>ئەگەر دەتەوێت هەموو ئەو زانیاریانەش بسڕینەوە کە دەتوانن ناسنامەت ئاشکرا بکەن، وەڵامی ئەم نامەیە بدەرەوە و لە دێڕی یەکەمدا تەنها ئەم وشەیە بنووسە: سڕینەوە</@layout.paragraph>
<@layout.signature team="تیمی چاودێری" organisation=organisation automatic="ئەمە نامەیەکی خۆکارە."/>
</@layout.page>
