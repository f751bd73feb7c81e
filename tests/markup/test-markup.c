/* test-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-markup.h"
#include "markup-check.h"

#define H(text) "<span size=\"large\" weight=\"bold\">" text "</span>"

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
} Case;

static const Case program_cases[] = {
  /* Plain text, as many programs have it */
  { "plain-paragraphs",
    "First paragraph.\n\nSecond one\nwith a line break.",
    "First paragraph.\n\nSecond one\nwith a line break." },
  { "crlf",
    "one\r\ntwo\r\n\r\nthree\rfour",
    "one\ntwo\n\nthree\nfour" },
  { "surrounding-blank-lines",
    "\n\n   \n  Indented start  \n\n\n",
    "Indented start" },
  { "plain-specials-escaped",
    "R&D for 5 < 7 > 3",
    "R&amp;D for 5 &lt; 7 &gt; 3" },
  { "invalid-utf8",
    "caf\xe9 \xff\xfe ok",
    "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd ok" },

  /* Markdown inline */
  { "emphasis",
    "**bold** __bold__ *italic* _italic_ ~~gone~~",
    "<b>bold</b> <b>bold</b> <i>italic</i> <i>italic</i> <s>gone</s>" },
  { "no-emphasis-inside-words",
    "snake_case_name and file_name_ but intra*star*word",
    "snake_case_name and file_name_ but intra<i>star</i>word" },
  { "unbalanced-markers",
    "**never closed and *also and `tick",
    "**never closed and *also and `tick" },
  { "lone-stars",
    "2 * 3 * 4 = 24",
    "2 * 3 * 4 = 24" },
  { "nested-emphasis",
    "***both*** and **bold *and italic* bold**",
    "<i><b>both</b></i> and <b>bold <i>and italic</i> bold</b>" },
  { "backslash-escapes",
    "\\*not italic\\* and \\_not\\_ and \\\\",
    "*not italic* and _not_ and \\" },
  { "code-span",
    "Use `a <b> & *c*` or `` a`b ``",
    "Use <tt>a &lt;b&gt; &amp; *c*</tt> or <tt>a`b</tt>" },
  { "code-span-hides-html",
    "Use `<p>` for **paragraphs**",
    "Use <tt>&lt;p&gt;</tt> for <b>paragraphs</b>" },

  /* Markdown blocks */
  { "headings",
    "# Title #\n\n## Sub\ntext\n\n#hashtag",
    H ("Title") "\n\n" H ("Sub") "\ntext\n\n#hashtag" },
  { "setext-heading",
    "About us\n========\nWe are …",
    H ("About us") "\nWe are …" },
  { "bullet-list",
    "Topics:\n- one\n* two\n+ **three**\n  continued",
    "Topics:\n• one\n• two\n• <b>three</b>\ncontinued" },
  { "ordered-list",
    "1. first\n1. second\n1. third\n\n7) seven\n8) eight",
    "1. first\n2. second\n3. third\n\n7. seven\n8. eight" },
  { "nested-list",
    "- a\n  - b\n    - c\n- d",
    "• a\n    • b\n        • c\n• d" },
  { "year-is-no-list",
    "It started\n2011. A good year",
    "It started\n2011. A good year" },
  { "blockquote",
    "> Be excellent\n> to each other\n\nsaid they",
    "<i>Be excellent\nto each other</i>\n\nsaid they" },
  { "fenced-code",
    "Example:\n\n```python\nif a < b:\n    print(\"*x*\")\n```\n\nDone.",
    "Example:\n\n<tt>if a &lt; b:\n    print(\"*x*\")</tt>\n\nDone." },
  { "thematic-break",
    "above\n\n***\n\nbelow",
    "above\n\nbelow" },

  /* Links */
  { "markdown-link",
    "See [the **wiki**](https://wiki.example.org/OC3 \"Title\").",
    "See <a href=\"https://wiki.example.org/OC3\">the <b>wiki</b></a>." },
  { "image-as-link",
    "![slides](https://example.org/s.png)",
    "<a href=\"https://example.org/s.png\">slides</a>" },
  { "autolinks",
    "<https://example.org/a?b=1&c=2> or <speaker@example.org>",
    "<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>"
    " or <a href=\"mailto:speaker@example.org\">speaker@example.org</a>" },
  { "bare-urls",
    "Slides: https://example.org/talk_1. (Also https://en.wikipedia.org/wiki/C_(language))",
    "Slides: <a href=\"https://example.org/talk_1\">https://example.org/talk_1</a>."
    " (Also <a href=\"https://en.wikipedia.org/wiki/C_(language)\">"
    "https://en.wikipedia.org/wiki/C_(language)</a>)" },
  { "ampersand-in-url",
    "https://example.org/?a=1&b=2",
    "<a href=\"https://example.org/?a=1&amp;b=2\">https://example.org/?a=1&amp;b=2</a>" },
  { "url-as-link-text",
    "[https://example.org](https://example.org)",
    "<a href=\"https://example.org\">https://example.org</a>" },
  { "link-beats-emphasis",
    "*a [b* c](https://x.org) d*",
    "<i>a <a href=\"https://x.org\">b* c</a> d</i>" },
  { "mailto-link",
    "[Write us](mailto:orga@example.org)",
    "<a href=\"mailto:orga@example.org\">Write us</a>" },

  /* Injection */
  { "javascript-html-link",
    "<a href=\"javascript:alert(1)\">x</a>",
    "x" },
  { "javascript-entity-link",
    "<a href=\"jav&#x61;script:alert(1)\">x</a>",
    "x" },
  { "javascript-markdown-link",
    "[x](javascript:alert(1)) [y](data:text/html,hi) [z](/relative)",
    "x y z" },
  { "img-onerror",
    "Hi <img src=x onerror=\"alert(1)\">there",
    "Hi there" },
  { "link-quote-injection",
    "[x](https://a.b/\"><b>)",
    "<a href=\"https://a.b/%22%3E%3Cb%3E\">x</a>" },
  { "html-link-quote-injection",
    "<a href='https://a.b/\"onmouseover=\"x'>y</a>",
    "<a href=\"https://a.b/%22onmouseover=%22x\">y</a>" },
  { "script-and-style-with-content",
    "<p>Hi</p><script>alert('<b>x</b>')</script><style>p { color: red }</style><p>there</p>",
    "Hi\n\nthere" },
  { "unterminated-script",
    "<p>Hi</p><script>document.write('x')",
    "Hi" },
  { "iframe-tag-only",
    "<iframe src=\"https://evil.example\">fallback</iframe>",
    "fallback" },
  { "crossing-tags",
    "<b>a <i>b</b> c</i>",
    "<b>a <i>b</i></b> c" },
  { "nested-links",
    "<a href=\"https://a.org\">a <a href=\"https://b.org\">b</a> c</a> d",
    "<a href=\"https://a.org\">a b c</a> d" },
  { "pango-tags-are-text",
    "<span foreground=\"red\">x</span> <markup>y</markup> <big>z</big>",
    "x &lt;markup&gt;y&lt;/markup&gt; z" },
  { "not-html",
    "Vec<T> and <3 and a < b and <!-- hidden --> c",
    "Vec&lt;T&gt; and &lt;3 and a &lt; b and c" },

  /* HTML */
  { "entities",
    "<p>Caf&eacute; &amp; &quot;Bar&quot; &#x1F600; &#169; &#0; &bogus; R&D</p>",
    "Café &amp; \"Bar\" 😀 © \xef\xbf\xbd &amp;bogus; R&amp;D" },
  { "html-whitespace",
    "<p>\n  Many\n   spaces  <b> here </b> .\n</p>\n\n\n<p>Next</p>",
    "Many spaces <b>here</b> .\n\nNext" },
  { "html-no-markdown",
    "<p>2 * 3 * 4 and snake_case and **not bold**</p>",
    "2 * 3 * 4 and snake_case and **not bold**" },
  { "html-headings-quote",
    "<h2>About</h2><blockquote>Quote</blockquote><p>x<br>y<br><br>z</p>"
    "<hr><div>a</div><div>b</div>",
    H ("About") "\n\n<i>Quote</i>\n\nx\ny\n\nz\n\na\nb" },
  { "html-pre",
    "<p>Code:</p><pre>\nint\nmain ()\n{\n  return 0;\n}</pre>",
    "Code:\n\n<tt>int\nmain ()\n{\n  return 0;\n}</tt>" },
  { "html-lists",
    "<ul><li><p>a</p></li><li>b<ol start=\"3\"><li>c</li><li>d</li></ol></li></ul><p>after</p>",
    "• a\n• b\n    3. c\n    4. d\n\nafter" },

  /* In the style of the real thing */
  { "pretalx-markdown",
    "In this talk we look at **reproducible builds** in *Debian*:\r\n"
    "\r\n"
    "* why they matter\r\n"
    "* how `diffoscope` helps\r\n"
    "\r\n"
    "More: https://reproducible-builds.org/ and "
    "[our wiki](https://wiki.debian.org/ReproducibleBuilds).",
    "In this talk we look at <b>reproducible builds</b> in <i>Debian</i>:\n"
    "\n"
    "• why they matter\n"
    "• how <tt>diffoscope</tt> helps\n"
    "\n"
    "More: <a href=\"https://reproducible-builds.org/\">https://reproducible-builds.org/</a>"
    " and <a href=\"https://wiki.debian.org/ReproducibleBuilds\">our wiki</a>." },
  { "frab-html",
    "<p>We present <strong>OC3</strong>, a&nbsp;conference companion.</p>\n"
    "<ul>\n<li>Schedules</li>\n<li>Favourites &amp; reminders</li>\n</ul>\n"
    "<p>More at <a href=\"https://oc3.example.org/?lang=en&amp;v=2\" target=\"_blank\">"
    "oc3.example.org</a>.</p>",
    "We present <b>OC3</b>, a\xc2\xa0" "conference companion.\n"
    "\n"
    "• Schedules\n"
    "• Favourites &amp; reminders\n"
    "\n"
    "More at <a href=\"https://oc3.example.org/?lang=en&amp;v=2\">oc3.example.org</a>." },
  { "markdown-with-inline-html",
    "Line one<br>\nLine two with <em>emphasis</em> and <code>code</code>",
    "Line one\nLine two with <i>emphasis</i> and <tt>code</tt>" },
  { "empty",
    "",
    "" },
};

static const Case title_cases[] = {
  { "title-injection",
    "<b>R&D</b> <script>alert(1)</script>",
    "&lt;b&gt;R&amp;D&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" },
  { "title-no-links-no-markdown",
    "Talk about https://x.org/?a=1&b=2 & **stuff** \"quoted\" it's",
    "Talk about https://x.org/?a=1&amp;b=2 &amp; **stuff** \"quoted\" it's" },
  { "title-entities-stay",
    "Fish &amp; Chips",
    "Fish &amp;amp; Chips" },
  { "title-invalid-utf8-and-controls",
    "A\x01" "B\xc3 \x7f" "C\r\nD",
    "AB\xef\xbf\xbd C\nD" },
};

static void
assert_valid (const char *markup)
{
  g_autoptr(GError) error = NULL;

  if (!oc3_check_label_markup (markup, &error))
    g_error ("invalid markup (%s): %s", error->message, markup);
}

static void
test_program_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *markup = oc3_markup_from_program_text (c->input);

  g_assert_cmpstr (markup, ==, c->expected);
  assert_valid (markup);
}

static void
test_title_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *markup = oc3_markup_escape_plain (c->input);

  g_assert_cmpstr (markup, ==, c->expected);
  assert_valid (markup);
}

static void
test_null (void)
{
  g_autofree char *program = oc3_markup_from_program_text (NULL);
  g_autofree char *title = oc3_markup_escape_plain (NULL);
  g_autoptr(GPtrArray) links = oc3_markup_extract_links (NULL);

  g_assert_cmpstr (program, ==, "");
  g_assert_cmpstr (title, ==, "");
  g_assert_cmpuint (links->len, ==, 0);
}

static void
assert_links (const char         *text,
              const char * const *expected)
{
  g_autoptr(GPtrArray) links = oc3_markup_extract_links (text);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, links->len); i++)
    g_assert_cmpstr (g_ptr_array_index (links, i), ==, expected[i]);
  g_assert_cmpuint (links->len, ==, n);
}

static void
test_extract_links (void)
{
  const char * const markdown[] = {
    "https://a.org/talk", "https://b.org", "http://c.org/x?y=1&z=2", NULL,
  };
  const char * const html[] = { "https://x.org/?a=1&b=2", "https://y.org", NULL };
  const char * const none[] = { NULL };

  assert_links ("[slides](https://a.org/talk) and https://b.org, <https://a.org/talk>,"
                " [mail](mailto:x@y.z), [js](javascript:x), `https://in-code.org`,\n\n"
                "```\nhttps://in-a-block.org\n```\n"
                "http://c.org/x?y=1&z=2 https://b.org.",
                markdown);
  assert_links ("<p><a href=\"https://x.org/?a=1&amp;b=2\">x</a> https://y.org.</p>"
                "<a href=\"javascript:alert(1)\">no</a><script>https://z.org</script>",
                html);
  assert_links ("no links here, not even www.example.org or ftp://x.org", none);
  assert_links ("", none);
}

/* Pieces that the generator puts together: Markdown and HTML syntax, in
 * and out of order, entities, broken UTF-8 and control characters. */
static const char * const fragments[] = {
  "*", "**", "***", "_", "__", "~~", "`", "``", "```\n", "~~~\n", "\\", "\\*", "[", "]", "](",
  "(", ")", "![", "<", ">", "</", "/>", "\"", "'", "=", "&", ";", "&amp;", "&lt;", "&#",
  "&#x", "&#x1F600;", "&#0;", "&#xD800;", "&#1114112;", "&nbsp;", "&eacute;", "&bogus;",
  "# ", "## ", "\n", "\n\n", "\r\n", "\r", "  ", "\t", "- ", "* ", "+ ", "1. ", "2) ",
  "> ", ">> ", "---\n", "===\n", "<b>", "</b>", "<i>", "</i>", "<em>", "</strong>", "<code>",
  "</code>", "<pre>", "</pre>", "<p>", "</p>", "<br>", "<br/>", "<ul>", "<ol start=\"5\">",
  "</ul>", "<li>", "</li>", "<h1>", "</h3>", "<blockquote>", "<div>", "<span>", "<a href=\"",
  "<a href='", "<a href=https://x.org>", "</a>", "<script>", "</script>", "<style>", "<!--",
  "-->", "<!DOCTYPE html>", "<?xml?>", "<img src=x onerror=alert(1)>", "<iframe>", "<T>",
  "https://", "http://", "mailto:", "javascript:", "https://example.org/a_b?c=1&d=2",
  "example.org", "www.", "@", "%", "%2", "%41", "word", "snake_case", " ", "é", "€", "😀",
  "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\x01", "\x7f", "\xc2\x85", "\xef\xbf\xbe",
  "\xe2\x80\xa8", "\xc2\xa0",
};

static char *
random_input (void)
{
  GString *s = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 40);

  for (guint i = 0; i < n; i++)
    {
      if (g_test_rand_int_range (0, 8) == 0)
        g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
      else
        g_string_append (s, fragments[g_test_rand_int_range (0, G_N_ELEMENTS (fragments))]);
    }
  return g_string_free (s, FALSE);
}

static char *
mutate (const char *input)
{
  GString *s = g_string_new (input);
  guint n = g_test_rand_int_range (1, 6);

  for (guint i = 0; i < n; i++)
    {
      guint pos = s->len > 0 ? g_test_rand_int_range (0, s->len) : 0;
      guint len = g_test_rand_int_range (1, 40);

      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          if (s->len > 0)
            g_string_erase (s, pos, MIN (s->len - pos, len / 5 + 1));
          break;
        case 1:
          g_string_insert (s, pos, fragments[g_test_rand_int_range (0, G_N_ELEMENTS (fragments))]);
          break;
        case 2:
          if (s->len > 0)
            s->str[pos] = (char) g_test_rand_int_range (1, 256);
          break;
        default:
          {
            /* Duplicate a slice, which makes nesting deeper. */
            g_autofree char *slice = g_strndup (s->str + pos, MIN (s->len - pos, len));

            g_string_insert (s, pos, slice);
          }
          break;
        }
    }
  return g_string_free (s, FALSE);
}

static void
check_all_three (const char *input)
{
  g_autofree char *program = oc3_markup_from_program_text (input);
  g_autofree char *title = oc3_markup_escape_plain (input);
  g_autoptr(GPtrArray) links = oc3_markup_extract_links (input);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  assert_valid (program);
  assert_valid (title);
  for (guint i = 0; i < links->len; i++)
    {
      const char *link = g_ptr_array_index (links, i);

      g_assert_true (g_ascii_strncasecmp (link, "http://", 7) == 0 ||
                     g_ascii_strncasecmp (link, "https://", 8) == 0);
      g_assert_true (g_utf8_validate (link, -1, NULL));
      g_assert_false (g_hash_table_contains (seen, link));
      g_hash_table_add (seen, (gpointer) link);
    }
}

static void
test_random_inputs (void)
{
  guint count = 0;

  for (guint i = 0; i < 1500; i++, count++)
    {
      g_autofree char *input = random_input ();

      check_all_three (input);
    }

  for (guint i = 0; i < G_N_ELEMENTS (program_cases); i++)
    for (guint k = 0; k < 20; k++, count++)
      {
        g_autofree char *input = mutate (program_cases[i].input);

        check_all_three (input);
      }

  g_assert_cmpuint (count, >=, 2000);
  g_test_message ("%u inputs checked", count);
}

/* Inputs of a megabyte built to trip up a naive parser: deep nesting, and
 * openers without closers that a quadratic scan would look for again and
 * again.  A quadratic algorithm takes minutes on these. */
static void
test_large_inputs (void)
{
  static const char * const units[] = {
    "<b>", "<i><b>", "</b>", "*a", "_a ", "**", "[", "[a](", "](", "` ``", "<!--", "&amp;",
    "https://x.org/", "> ", "<a href=\"https://x.org\">", "<ul><li>", "\\", "<a href=\"",
    "<script>", "~~", "```\n", "- x\n", "1. ", "<pre>", "&#", "<p", "\n\n",
  };
  const gsize size = 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) input = g_string_sized_new (size);
      g_autofree char *markup = NULL;
      g_autoptr(GPtrArray) links = NULL;
      double seconds;

      while (input->len < size)
        g_string_append (input, units[i]);

      g_test_timer_start ();
      markup = oc3_markup_from_program_text (input->str);
      links = oc3_markup_extract_links (input->str);
      seconds = g_test_timer_elapsed ();

      assert_valid (markup);
      g_test_message ("%-28s %.3f s, %zu bytes of markup", units[i], seconds, strlen (markup));
      g_assert_cmpfloat (seconds, <, 10.0);
    }

  /* A list nested deeper on every line, and random bytes. */
  {
    g_autoptr(GString) input = g_string_new (NULL);
    g_autofree char *markup = NULL;

    for (guint i = 0; input->len < size; i++)
      {
        for (guint k = 0; k < i % 2000; k++)
          g_string_append_c (input, ' ');
        g_string_append (input, "- item\n");
      }
    g_test_timer_start ();
    markup = oc3_markup_from_program_text (input->str);
    g_assert_cmpfloat (g_test_timer_elapsed (), <, 10.0);
    assert_valid (markup);
  }
  {
    g_autoptr(GString) input = g_string_sized_new (size);
    g_autofree char *markup = NULL;

    while (input->len < size)
      g_string_append_c (input, (char) g_test_rand_int_range (1, 256));
    g_test_timer_start ();
    markup = oc3_markup_from_program_text (input->str);
    g_assert_cmpfloat (g_test_timer_elapsed (), <, 10.0);
    assert_valid (markup);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (program_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/markup/program/%s", program_cases[i].name);

      g_test_add_data_func (path, &program_cases[i], test_program_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (title_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/markup/title/%s", title_cases[i].name);

      g_test_add_data_func (path, &title_cases[i], test_title_case);
    }
  g_test_add_func ("/markup/null", test_null);
  g_test_add_func ("/markup/extract-links", test_extract_links);
  g_test_add_func ("/markup/random-inputs", test_random_inputs);
  g_test_add_func ("/markup/large-inputs", test_large_inputs);

  return g_test_run ();
}
