package org.veritally.web.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveCharactersThatCanBreakOutOfTextOrAttributes() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void leavesPlainTextAloneWithoutCopying() {
        String s = "San José 1.234";
        assertThat(Html.escape(s)).isSameAs(s);
    }

    @Test
    void attributeValuesCannotCloseTheirQuote() {
        String out = new Html()
                .open("a", "href", "/x\" onmouseover=\"evil()")
                .text("t")
                .close("a")
                .toString();
        assertThat(out).isEqualTo("<a href=\"/x&quot; onmouseover=&quot;evil()\">t</a>");
    }

    @Test
    void linkEscapesItsTextAndHref() {
        assertThat(new Html().link("/a?b=1&c=<2>", "<i>x</i>").toString())
                .isEqualTo("<a href=\"/a?b=1&amp;c=&lt;2&gt;\">&lt;i&gt;x&lt;/i&gt;</a>");
    }
}
