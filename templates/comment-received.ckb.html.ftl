<#import "layout.html.ftl" as layout>
<@layout.page title="نامەکەت گەیشت">
<@layout.paragraph>سوپاس بۆ تێبینی یان پێشنیارەکەت. نامەکەت گەیشت.</@layout.paragraph>
<@layout.code label="ژمارەی ئاماژە:" value=reference/>
<#if receiptCode?has_content>
<@layout.code label="کۆدی پسوولەکەت:" value=receiptCode/>
</#if>
<#if files?has_content>
<@layout.paragraph>نامەکەت لەوە گەورەتر بوو کە بتوانین وەریبگرین، بۆیە ئەم فایلانە پێمان نەگەیشتن:<br><#list files?split("\n") as file><span dir="ltr">${file}</span><#sep><br></#sep></#list></@layout.paragraph>
<@layout.paragraph>دەقی نامەکەت گەیشت. تکایە هەر فایلێک جارێکی تر لە وەڵامێکی جیادا بۆ ئەم نامەیە بنێرەوە و ژمارەی ئاماژەکە لە دێڕی بابەتدا بهێڵەرەوە، هەر فایلێک کەمتر لە 25 مێگابایت بێت. زۆرجار دەتوانیت ڤیدیۆکە لە مۆبایلەکەتدا کورت یان بچووک بکەیتەوە پێش ناردنی.</@layout.paragraph>
<#if largeFilesChannel?has_content>
<@layout.paragraph>ئەگەر ناتوانیت فایلێک بچووک بکەیتەوە، دەتوانیت بەم ڕێگەیەش بینێریت: <span dir="ltr">${largeFilesChannel}</span></@layout.paragraph>
</#if>
</#if>
<@layout.paragraph>تکایە ئەم ژمارەی ئاماژەیە بپارێزە. بۆ زیادکردنی هەر شتێک، وەڵامی ئەم نامەیە بدەرەوە و ژمارەی ئاماژەکە لە دێڕی بابەتدا بهێڵەرەوە. هەروەها دەتوانیت بۆ <span dir="ltr">${mailbox}</span> بنووسیت و ژمارەی ئاماژەکە لە بابەتەکەدا دابنێیت.</@layout.paragraph>
<#if receiptCode?has_content>
<@layout.paragraph>ئەگەر لە ناونیشانێکی ئیمەیڵی ترەوە بۆمان دەنووسیت، کۆدی پسوولەکە لە نامەکەتدا بنووسە بۆ ئەوەی بتوانین بیبەستینەوە بە نامەکەی پێشووتەوە. کۆدی پسوولەکە لای خۆت بپارێزە و بە کەسی مەدە.</@layout.paragraph>
</#if>
<@layout.paragraph>ناسنامەکەت بە نهێنی دەپارێزرێت. ئەو کەسانەی تێبینی و پێشنیارەکان دەخوێننەوە هەرگیز ناو و ناونیشانی ئیمەیڵەکەت نابینن.</@layout.paragraph>
<@layout.paragraph>ئەگەر لەوانەیە تووشی مەترسی ببیت، لە ئامێرێکەوە بۆمان مەنووسە کە کەسانی تر دەتوانن بیخوێننەوە.</@layout.paragraph>
<@layout.signature team="تیمی چاودێری" organisation=organisation automatic="ئەمە نامەیەکی خۆکارە."/>
</@layout.page>
