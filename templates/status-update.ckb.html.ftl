<#import "layout.html.ftl" as layout>
<@layout.page title="نوێکردنەوەی ڕاپۆرتەکەت">
<@layout.paragraph><#switch status><#case "INVESTIGATING">ڕاپۆرتەکەت ئێستا لە ژێر لێکۆڵینەوەدایە.<#break><#case "RESOLVED">کارکردنمان لەسەر ڕاپۆرتەکەت تەواو بوو.<#break><#case "REJECTED">دوای پێداچوونەوە، بەدواداچوون بۆ ئەم ڕاپۆرتە ناکەین.<#break><#case "CLOSED">ڕاپۆرتەکەت داخرا.<#break><#default>ڕاپۆرتەکەت لە ژێر پێداچوونەوەدایە.</#switch></@layout.paragraph>
<@layout.code label="ژمارەی ئاماژە:" value=reference/>
<#if message?has_content>
<@layout.paragraph>نامەیەک لە تیمی چاودێرییەوە:</@layout.paragraph>
<p dir="auto" style="margin:16px 0;white-space:pre-wrap;">${message}</p>
</#if>
<@layout.paragraph>بۆ وەڵامدانەوە یان زیادکردنی زانیاری، وەڵامی ئەم نامەیە بدەرەوە و ژمارەی ئاماژە لە دێڕی بابەتدا بهێڵەوە.</@layout.paragraph>
<@layout.paragraph>ناسنامەت بە نهێنی دەپارێزرێت و چاودێران هەرگیز ناو و ناونیشانی ئیمەیڵەکەت نابینن.</@layout.paragraph>
<@layout.signature team="تیمی چاودێری" organisation=organisation automatic="ئەم نامەیە لەلایەن تیمی چاودێرییەوە نێردراوە."/>
</@layout.page>
