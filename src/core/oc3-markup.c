/* oc3-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conference programs carry abstracts and descriptions as Markdown (pretalx),
 * as HTML (frab, Pentabarf) or as plain text.  GtkLabel shows Pango markup,
 * which is XML: one stray "<" or "&" and the label shows nothing, and markup
 * passed through from a program could style or link anything.  So nothing
 * from the input is ever copied into the markup as markup: the parsers below
 * turn the input into a stream of events (text, open tag, close tag, break),
 * and one writer (Output) turns that stream into markup it builds itself,
 * escaping all text, closing every tag it opens in the reverse order and
 * only ever writing the handful of tags GtkLabel needs.
 *
 * The input is hostile in the worst case (the fuzz target feeds it anything)
 * and up to a few megabytes long.  Nothing recurses, and every forward scan
 * either consumes what it scanned or is bounded so the total work stays
 * linear; past the limits below the text is shown more plainly, never
 * rejected.
 */

#include "config.h"

#include <string.h>

#include "oc3-markup.h"

#define MAX_OPEN_TAGS    32  /* Pango tags open at once; deeper ones are dropped */
#define MAX_LIST_DEPTH    8  /* deeper lists are drawn at this indentation */
#define MAX_DELIM_RUN     6  /* longer runs of * _ ~ are literal text */
#define MAX_BACKTICK_RUN 16  /* longer runs of ` are literal text */
#define MAX_TAG_NAME     16
#define MAX_ENTITY_NAME  32
#define MAX_PAREN_DEPTH  32
#define NO_HREF          G_MAXUINT32
/* Token offsets are 32-bit; no program text comes anywhere near this. */
#define MAX_INPUT_LEN    (64 * 1024 * 1024)

/* Output: the only code that writes markup */

typedef enum
{
  TAG_BOLD,
  TAG_ITALIC,
  TAG_MONOSPACE,
  TAG_STRIKE,
  TAG_UNDERLINE,
  TAG_HEADING,
  TAG_LINK,
} Tag;

static const char * const tag_open_markup[] = {
  "<b>", "<i>", "<tt>", "<s>", "<u>", "<span size=\"large\" weight=\"bold\">", "<a href=\"",
};

static const char * const tag_close_markup[] = {
  "</b>", "</i>", "</tt>", "</s>", "</u>", "</span>", "</a>",
};

typedef enum
{
  TEXT_FLOW,      /* whitespace collapses, as in a browser */
  TEXT_CODE_SPAN, /* whitespace kept, newlines become spaces */
  TEXT_VERBATIM,  /* whitespace and newlines kept */
} TextMode;

typedef struct
{
  Tag   tag;
  gsize start; /* offset of the opening tag in the markup */
  gsize end;   /* offset just after it: nothing written since means the element is empty */
} OpenTag;

typedef struct
{
  gboolean ordered;
  guint64  number;
  guint    items;
} ListLevel;

typedef struct
{
  GString   *markup;

  OpenTag    open[MAX_OPEN_TAGS];
  guint      n_open;
  /* A link inside a link cannot be shown; its closing tag must not end the outer one. */
  guint      suppressed_links;

  /* Whitespace and breaks are held back until the next text, so that none
   * is written at the start or the end, or twice. */
  guint      pending_newlines;
  gboolean   pending_space;
  gboolean   has_text;
  gboolean   last_was_space;
  gboolean   after_bullet;

  gboolean   newline_is_break; /* Markdown: a newline is a line break; HTML: a space */
  guint      preformatted;     /* inside <pre> */
  gboolean   skip_newline;     /* HTML drops the newline right after <pre> */

  ListLevel  lists[MAX_LIST_DEPTH];
  guint      list_depth;

  GPtrArray  *links;      /* (nullable): collects http(s) hrefs for extract_links */
  GHashTable *seen_links;
} Output;

static void
append_escaped (GString    *markup,
                const char *s,
                gsize       len,
                gboolean    attribute)
{
  for (gsize i = 0; i < len; i++)
    {
      switch (s[i])
        {
        case '&':
          g_string_append (markup, "&amp;");
          break;
        case '<':
          g_string_append (markup, "&lt;");
          break;
        case '>':
          g_string_append (markup, "&gt;");
          break;
        case '"':
          if (attribute)
            g_string_append (markup, "&quot;");
          else
            g_string_append_c (markup, '"');
          break;
        case '\'':
          if (attribute)
            g_string_append (markup, "&#39;");
          else
            g_string_append_c (markup, '\'');
          break;
        default:
          g_string_append_c (markup, s[i]);
          break;
        }
    }
}

static void
output_flush (Output *o)
{
  if (o->has_text)
    {
      if (o->pending_newlines > 0)
        {
          g_string_append_len (o->markup, "\n\n", o->pending_newlines);
          o->last_was_space = TRUE;
        }
      else if (o->pending_space && !o->last_was_space)
        {
          g_string_append_c (o->markup, ' ');
          o->last_was_space = TRUE;
        }
    }

  o->pending_newlines = 0;
  o->pending_space = FALSE;
}

/* @add: <br> and Markdown newlines add up (two make an empty line);
 * block boundaries only ensure a minimum. */
static void
output_break (Output   *o,
              guint     newlines,
              gboolean  add)
{
  /* Nothing before the first text, and nothing between a bullet and its item. */
  if (!o->has_text || o->after_bullet)
    return;

  if (add)
    o->pending_newlines = MIN (o->pending_newlines + newlines, 2);
  else
    o->pending_newlines = MAX (o->pending_newlines, newlines);
  o->pending_space = FALSE;
}

static void
output_space (Output *o)
{
  if (o->pending_newlines == 0)
    o->pending_space = TRUE;
}

static void
output_wrote_text (Output   *o,
                   gboolean  space)
{
  o->has_text = TRUE;
  o->last_was_space = space;
  o->after_bullet = FALSE;
  o->skip_newline = FALSE;
}

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v' || c == '\r';
}

static void
output_text (Output     *o,
             const char *s,
             gsize       len,
             TextMode    mode)
{
  gboolean keep_space = mode != TEXT_FLOW || o->preformatted > 0;
  gsize i = 0;

  while (i < len)
    {
      guchar c = s[i];
      gsize j;

      if (is_ascii_space (c))
        {
          i++;

          if (c == '\r')
            continue;

          if (!keep_space)
            {
              if (c == '\n' && o->newline_is_break)
                output_break (o, 1, TRUE);
              else
                output_space (o);
              continue;
            }

          if (c == '\n' && mode != TEXT_CODE_SPAN)
            {
              if (o->skip_newline)
                {
                  o->skip_newline = FALSE;
                  continue;
                }
              output_flush (o);
              g_string_append_c (o->markup, '\n');
            }
          else
            {
              output_flush (o);
              g_string_append_c (o->markup, c == '\t' ? '\t' : ' ');
            }
          output_wrote_text (o, TRUE);
          continue;
        }

      /* Control characters have no business in a label (and GMarkup
       * rejects some of them). */
      if (c < 0x20 || c == 0x7f)
        {
          i++;
          continue;
        }

      for (j = i; j < len && (guchar) s[j] > 0x20 && s[j] != 0x7f; j++)
        ;
      output_flush (o);
      append_escaped (o->markup, s + i, j - i, FALSE);
      output_wrote_text (o, FALSE);
      i = j;
    }
}

static gboolean
output_has_open (Output *o,
                 Tag     tag)
{
  for (guint i = 0; i < o->n_open; i++)
    if (o->open[i].tag == tag)
      return TRUE;
  return FALSE;
}

static gboolean
href_is_web (const char *href)
{
  return g_ascii_strncasecmp (href, "http://", 7) == 0 ||
         g_ascii_strncasecmp (href, "https://", 8) == 0;
}

static void
output_note_link (Output     *o,
                  const char *href)
{
  if (o->links == NULL || !href_is_web (href) || g_hash_table_contains (o->seen_links, href))
    return;

  g_hash_table_add (o->seen_links, g_strdup (href));
  g_ptr_array_add (o->links, g_strdup (href));
}

/* @href: for TAG_LINK, already checked and normalized by make_href() */
static void
output_open (Output     *o,
             Tag         tag,
             const char *href)
{
  OpenTag *entry;

  if (tag == TAG_LINK)
    {
      output_note_link (o, href);
      if (output_has_open (o, TAG_LINK) || o->n_open == MAX_OPEN_TAGS)
        {
          o->suppressed_links++;
          return;
        }
    }

  if (o->n_open == MAX_OPEN_TAGS)
    return;

  output_flush (o);

  entry = &o->open[o->n_open++];
  entry->tag = tag;
  entry->start = o->markup->len;
  g_string_append (o->markup, tag_open_markup[tag]);
  if (tag == TAG_LINK)
    {
      append_escaped (o->markup, href, strlen (href), TRUE);
      g_string_append (o->markup, "\">");
    }
  entry->end = o->markup->len;
}

static void
output_pop (Output *o)
{
  OpenTag *entry = &o->open[--o->n_open];

  /* Empty elements (an empty link, a stray "<b></b>") are left out. */
  if (o->markup->len == entry->end)
    g_string_truncate (o->markup, entry->start);
  else
    g_string_append (o->markup, tag_close_markup[entry->tag]);

  if (entry->tag == TAG_LINK)
    o->suppressed_links = 0;
}

/* Closes the innermost open @tag and, so that tags never cross, everything
 * opened inside it.  A closing tag without an opening one is ignored. */
static void
output_close (Output *o,
              Tag     tag)
{
  guint i;

  if (tag == TAG_LINK && o->suppressed_links > 0)
    {
      o->suppressed_links--;
      return;
    }

  for (i = o->n_open; i > 0; i--)
    if (o->open[i - 1].tag == tag)
      break;
  if (i == 0)
    return;

  while (o->n_open >= i)
    output_pop (o);
}

static void
output_close_all (Output *o)
{
  while (o->n_open > 0)
    output_pop (o);
  o->suppressed_links = 0;
}

/* @number: 0 for a bullet */
static void
output_bullet (Output  *o,
               guint    level,
               guint64  number)
{
  output_flush (o);
  for (guint i = 0; i < MIN (level, MAX_LIST_DEPTH - 1); i++)
    g_string_append (o->markup, "    ");
  if (number > 0)
    g_string_append_printf (o->markup, "%" G_GUINT64_FORMAT ". ", number);
  else
    g_string_append (o->markup, "• ");
  output_wrote_text (o, TRUE);
  o->after_bullet = TRUE;
}

/* Links */

static gboolean
href_is_allowed (const char *href)
{
  if (g_ascii_strncasecmp (href, "http://", 7) == 0)
    return href[7] != '\0';
  if (g_ascii_strncasecmp (href, "https://", 8) == 0)
    return href[8] != '\0';
  if (g_ascii_strncasecmp (href, "mailto:", 7) == 0)
    return href[7] != '\0';
  return FALSE;
}

/* Returns the href to use for a link to @url (entities and escapes already
 * decoded), or %NULL when it must be shown as plain text.  Everything outside
 * printable ASCII, and the characters that are not allowed in URIs, is
 * percent-encoded, so the href is a valid URI and has no quotes to break out
 * of the attribute with. */
static char *
make_href (const char *url,
           gsize       len)
{
  static const char hex[] = "0123456789ABCDEF";
  g_autofree char *trimmed = g_strstrip (g_strndup (url, len));
  GString *href;

  if (!href_is_allowed (trimmed))
    return NULL;

  href = g_string_sized_new (strlen (trimmed));
  for (const guchar *p = (const guchar *) trimmed; *p; p++)
    {
      gboolean keep = *p > 0x20 && *p < 0x7f && strchr ("\"<>\\^`{|}", *p) == NULL;

      if (*p == '%')
        keep = g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]);

      if (keep)
        {
          g_string_append_c (href, *p);
        }
      else
        {
          g_string_append_c (href, '%');
          g_string_append_c (href, hex[*p >> 4]);
          g_string_append_c (href, hex[*p & 0xf]);
        }
    }

  return g_string_free (href, FALSE);
}

/* HTML entities */

static const struct
{
  const char *name;
  const char *text;
} named_entities[] = {
  /* The common ones first: the table is searched in order. */
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", "\u00A0" }, { "shy", "\u00AD" },
  { "ndash", "\u2013" }, { "mdash", "\u2014" }, { "hellip", "\u2026" },
  { "lsquo", "\u2018" }, { "rsquo", "\u2019" }, { "sbquo", "\u201A" },
  { "ldquo", "\u201C" }, { "rdquo", "\u201D" }, { "bdquo", "\u201E" },
  { "laquo", "\u00AB" }, { "raquo", "\u00BB" }, { "lsaquo", "\u2039" }, { "rsaquo", "\u203A" },
  { "bull", "\u2022" }, { "middot", "\u00B7" }, { "prime", "\u2032" },
  { "thinsp", "\u2009" }, { "ensp", "\u2002" }, { "emsp", "\u2003" },
  { "zwnj", "\u200C" }, { "zwj", "\u200D" },
  { "copy", "\u00A9" }, { "reg", "\u00AE" }, { "trade", "\u2122" },
  { "euro", "\u20AC" }, { "pound", "\u00A3" }, { "yen", "\u00A5" }, { "cent", "\u00A2" },
  { "deg", "\u00B0" }, { "plusmn", "\u00B1" }, { "times", "\u00D7" }, { "divide", "\u00F7" },
  { "minus", "\u2212" }, { "le", "\u2264" }, { "ge", "\u2265" }, { "ne", "\u2260" },
  { "frac12", "\u00BD" }, { "frac14", "\u00BC" }, { "frac34", "\u00BE" },
  { "sup1", "\u00B9" }, { "sup2", "\u00B2" }, { "sup3", "\u00B3" },
  { "micro", "\u00B5" }, { "para", "\u00B6" }, { "sect", "\u00A7" },
  { "iexcl", "\u00A1" }, { "iquest", "\u00BF" }, { "dagger", "\u2020" },
  { "larr", "\u2190" }, { "rarr", "\u2192" }, { "uarr", "\u2191" }, { "darr", "\u2193" },
  { "harr", "\u2194" }, { "hearts", "\u2665" }, { "check", "\u2713" },
  { "auml", "\u00E4" }, { "ouml", "\u00F6" }, { "uuml", "\u00FC" },
  { "Auml", "\u00C4" }, { "Ouml", "\u00D6" }, { "Uuml", "\u00DC" }, { "szlig", "\u00DF" },
  { "aacute", "\u00E1" }, { "eacute", "\u00E9" }, { "iacute", "\u00ED" },
  { "oacute", "\u00F3" }, { "uacute", "\u00FA" }, { "yacute", "\u00FD" },
  { "Aacute", "\u00C1" }, { "Eacute", "\u00C9" }, { "Iacute", "\u00CD" },
  { "Oacute", "\u00D3" }, { "Uacute", "\u00DA" }, { "Yacute", "\u00DD" },
  { "agrave", "\u00E0" }, { "egrave", "\u00E8" }, { "igrave", "\u00EC" },
  { "ograve", "\u00F2" }, { "ugrave", "\u00F9" },
  { "Agrave", "\u00C0" }, { "Egrave", "\u00C8" }, { "Igrave", "\u00CC" },
  { "Ograve", "\u00D2" }, { "Ugrave", "\u00D9" },
  { "acirc", "\u00E2" }, { "ecirc", "\u00EA" }, { "icirc", "\u00EE" },
  { "ocirc", "\u00F4" }, { "ucirc", "\u00FB" },
  { "Acirc", "\u00C2" }, { "Ecirc", "\u00CA" }, { "Icirc", "\u00CE" },
  { "Ocirc", "\u00D4" }, { "Ucirc", "\u00DB" },
  { "euml", "\u00EB" }, { "iuml", "\u00EF" }, { "yuml", "\u00FF" },
  { "Euml", "\u00CB" }, { "Iuml", "\u00CF" },
  { "atilde", "\u00E3" }, { "otilde", "\u00F5" }, { "ntilde", "\u00F1" },
  { "Atilde", "\u00C3" }, { "Otilde", "\u00D5" }, { "Ntilde", "\u00D1" },
  { "aring", "\u00E5" }, { "Aring", "\u00C5" }, { "aelig", "\u00E6" }, { "AElig", "\u00C6" },
  { "oslash", "\u00F8" }, { "Oslash", "\u00D8" }, { "ccedil", "\u00E7" }, { "Ccedil", "\u00C7" },
  { "eth", "\u00F0" }, { "thorn", "\u00FE" }, { "oelig", "\u0153" }, { "OElig", "\u0152" },
  { "scaron", "\u0161" }, { "Scaron", "\u0160" }, { "zcaron", "\u017E" }, { "Zcaron", "\u017D" },
};

/* @s starts with '&'.  Appends the decoded text to @into and returns the
 * length of the entity, or returns 0 if @s does not start with one (a bare
 * "&" as in "R&D" is text). */
static gsize
decode_entity (const char *s,
               gsize       len,
               GString    *into)
{
  gsize i = 1;

  if (len > 2 && s[1] == '#')
    {
      gboolean hex = s[2] == 'x' || s[2] == 'X';
      guint max_digits = hex ? 6 : 7;
      gunichar c = 0;
      guint digits = 0;

      for (i = hex ? 3 : 2; i < len && digits < max_digits; i++, digits++)
        {
          if (hex && g_ascii_isxdigit (s[i]))
            c = c * 16 + g_ascii_xdigit_value (s[i]);
          else if (!hex && g_ascii_isdigit (s[i]))
            c = c * 10 + (s[i] - '0');
          else
            break;
        }
      if (digits == 0 || i >= len || s[i] != ';')
        return 0;

      if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
      g_string_append_unichar (into, c);
      return i + 1;
    }

  while (i < len && i <= MAX_ENTITY_NAME && g_ascii_isalnum (s[i]))
    i++;
  if (i == 1 || i >= len || s[i] != ';')
    return 0;

  for (guint k = 0; k < G_N_ELEMENTS (named_entities); k++)
    {
      const char *name = named_entities[k].name;

      if (strlen (name) == i - 1 && memcmp (name, s + 1, i - 1) == 0)
        {
          g_string_append (into, named_entities[k].text);
          return i + 1;
        }
    }

  return 0;
}

/* Decodes entities (and, for Markdown, backslash escapes) in @s. */
static char *
decode_text (const char *s,
             gsize       len,
             gboolean    backslash_escapes)
{
  GString *decoded = g_string_sized_new (len);

  for (gsize i = 0; i < len;)
    {
      if (s[i] == '&')
        {
          gsize n = decode_entity (s + i, len - i, decoded);

          if (n > 0)
            {
              i += n;
              continue;
            }
        }
      else if (backslash_escapes && s[i] == '\\' && i + 1 < len && g_ascii_ispunct (s[i + 1]))
        {
          i++;
        }
      g_string_append_c (decoded, s[i]);
      i++;
    }

  return g_string_free (decoded, FALSE);
}

/* HTML elements */

typedef enum
{
  HTML_UNKNOWN,      /* not an HTML element: "<T>" in "Vec<T>" stays text */
  HTML_IGNORE,       /* an element without a Pango equivalent: the tag goes, its content stays */
  HTML_DROP_CONTENT, /* script, style, …: dropped with everything inside */
  HTML_BOLD,
  HTML_ITALIC,
  HTML_MONOSPACE,
  HTML_STRIKE,
  HTML_UNDERLINE,
  HTML_LINK,
  HTML_BR,
  HTML_CELL,
  /* From here on, block elements: one of them makes a text HTML. */
  HTML_P,
  HTML_DIV,
  HTML_HR,
  HTML_HEADING,
  HTML_UL,
  HTML_OL,
  HTML_LI,
  HTML_BLOCKQUOTE,
  HTML_PRE,
} HtmlKind;

static const struct
{
  const char *name;
  HtmlKind    kind;
} html_elements[] = {
  { "p", HTML_P }, { "br", HTML_BR }, { "a", HTML_LINK },
  { "b", HTML_BOLD }, { "strong", HTML_BOLD },
  { "i", HTML_ITALIC }, { "em", HTML_ITALIC }, { "cite", HTML_ITALIC },
  { "var", HTML_ITALIC }, { "dfn", HTML_ITALIC }, { "q", HTML_ITALIC },
  { "code", HTML_MONOSPACE }, { "tt", HTML_MONOSPACE }, { "kbd", HTML_MONOSPACE },
  { "samp", HTML_MONOSPACE },
  { "s", HTML_STRIKE }, { "strike", HTML_STRIKE }, { "del", HTML_STRIKE },
  { "u", HTML_UNDERLINE }, { "ins", HTML_UNDERLINE },
  { "ul", HTML_UL }, { "ol", HTML_OL }, { "li", HTML_LI },
  { "h1", HTML_HEADING }, { "h2", HTML_HEADING }, { "h3", HTML_HEADING },
  { "h4", HTML_HEADING }, { "h5", HTML_HEADING }, { "h6", HTML_HEADING },
  { "blockquote", HTML_BLOCKQUOTE }, { "pre", HTML_PRE }, { "hr", HTML_HR },
  { "div", HTML_DIV }, { "section", HTML_DIV }, { "article", HTML_DIV },
  { "header", HTML_DIV }, { "footer", HTML_DIV }, { "main", HTML_DIV }, { "nav", HTML_DIV },
  { "aside", HTML_DIV }, { "address", HTML_DIV }, { "figure", HTML_DIV },
  { "figcaption", HTML_DIV }, { "details", HTML_DIV }, { "summary", HTML_DIV },
  { "dl", HTML_DIV }, { "dt", HTML_DIV }, { "dd", HTML_DIV }, { "center", HTML_DIV },
  { "table", HTML_DIV }, { "caption", HTML_DIV }, { "tr", HTML_DIV },
  { "td", HTML_CELL }, { "th", HTML_CELL },
  { "script", HTML_DROP_CONTENT }, { "style", HTML_DROP_CONTENT },
  { "template", HTML_DROP_CONTENT }, { "title", HTML_DROP_CONTENT },
  { "head", HTML_DROP_CONTENT }, { "noscript", HTML_DROP_CONTENT },
  { "svg", HTML_DROP_CONTENT }, { "math", HTML_DROP_CONTENT },
  { "textarea", HTML_DROP_CONTENT }, { "select", HTML_DROP_CONTENT },
  { "span", HTML_IGNORE }, { "font", HTML_IGNORE }, { "small", HTML_IGNORE },
  { "big", HTML_IGNORE }, { "sup", HTML_IGNORE }, { "sub", HTML_IGNORE },
  { "mark", HTML_IGNORE }, { "abbr", HTML_IGNORE }, { "acronym", HTML_IGNORE },
  { "time", HTML_IGNORE }, { "data", HTML_IGNORE }, { "bdi", HTML_IGNORE },
  { "bdo", HTML_IGNORE }, { "wbr", HTML_IGNORE }, { "nobr", HTML_IGNORE },
  { "img", HTML_IGNORE }, { "picture", HTML_IGNORE }, { "source", HTML_IGNORE },
  { "video", HTML_IGNORE }, { "audio", HTML_IGNORE }, { "track", HTML_IGNORE },
  { "iframe", HTML_IGNORE }, { "frame", HTML_IGNORE }, { "frameset", HTML_IGNORE },
  { "object", HTML_IGNORE }, { "embed", HTML_IGNORE }, { "applet", HTML_IGNORE },
  { "param", HTML_IGNORE }, { "canvas", HTML_IGNORE }, { "map", HTML_IGNORE },
  { "area", HTML_IGNORE }, { "form", HTML_IGNORE }, { "input", HTML_IGNORE },
  { "button", HTML_IGNORE }, { "option", HTML_IGNORE }, { "label", HTML_IGNORE },
  { "fieldset", HTML_IGNORE }, { "legend", HTML_IGNORE }, { "link", HTML_IGNORE },
  { "meta", HTML_IGNORE }, { "base", HTML_IGNORE }, { "html", HTML_IGNORE },
  { "body", HTML_IGNORE }, { "thead", HTML_IGNORE }, { "tbody", HTML_IGNORE },
  { "tfoot", HTML_IGNORE }, { "col", HTML_IGNORE }, { "colgroup", HTML_IGNORE },
  { "marquee", HTML_IGNORE }, { "blink", HTML_IGNORE }, { "ruby", HTML_IGNORE },
  { "rt", HTML_IGNORE }, { "rp", HTML_IGNORE }, { "dialog", HTML_IGNORE },
};

/* @name is lower case. */
static HtmlKind
html_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (html_elements); i++)
    if (strcmp (html_elements[i].name, name) == 0)
      return html_elements[i].kind;
  return HTML_UNKNOWN;
}

static gboolean
html_kind_is_block (HtmlKind kind)
{
  return kind >= HTML_P || kind == HTML_DROP_CONTENT;
}

static Tag
html_kind_tag (HtmlKind kind)
{
  switch (kind)
    {
    case HTML_BOLD:
      return TAG_BOLD;
    case HTML_ITALIC:
      return TAG_ITALIC;
    case HTML_MONOSPACE:
      return TAG_MONOSPACE;
    case HTML_STRIKE:
      return TAG_STRIKE;
    case HTML_UNDERLINE:
    default:
      return TAG_UNDERLINE;
    }
}

/* Reads the name of the tag that @s starts with ("<name" or "</name") into
 * @name (lower case) and returns its length, or 0 if there is none.  The name
 * must end where a tag name ends, so that "<https://…>" or "<T:…>" are none. */
static gsize
read_tag_name (const char *s,
               gsize       len,
               gboolean   *closing,
               char        name[MAX_TAG_NAME + 1])
{
  gsize i = 1;
  gsize n = 0;

  *closing = len > 1 && s[1] == '/';
  if (*closing)
    i++;

  if (i >= len || !g_ascii_isalpha (s[i]))
    return 0;

  while (i < len && (g_ascii_isalnum (s[i]) || s[i] == '-'))
    {
      if (n == MAX_TAG_NAME)
        return 0;
      name[n++] = g_ascii_tolower (s[i++]);
    }
  name[n] = '\0';

  if (i < len && !is_ascii_space (s[i]) && s[i] != '/' && s[i] != '>')
    return 0;

  return i;
}

/* Inline text: tokens */

typedef enum
{
  TOKEN_TEXT,       /* [start, start + len) of the text */
  TOKEN_DECODED,    /* [start, start + len) of the decoded buffer */
  TOKEN_CODE,       /* a code span, [start, start + len) of the text */
  TOKEN_DELIMITER,  /* a run of * _ or ~ */
  TOKEN_LINK_OPEN,  /* start: href index or NO_HREF */
  TOKEN_LINK_CLOSE, /* start: href index or NO_HREF */
  TOKEN_URL_OPEN,   /* a link to a URL, start: href index; its text follows as TOKEN_DECODED */
  TOKEN_URL_CLOSE,
  TOKEN_HTML,       /* html_kind; start: href index for <a>, number for <ol start> */
} TokenKind;

typedef struct
{
  guint32 start;
  guint32 len;
  guint8  kind;
  guint8  html_kind;
  guint8  closing;
  guint8  ch;         /* delimiter: the character */
  guint8  remaining;  /* delimiter: characters left over as text */
  guint8  can_open;
  guint8  can_close;
  guint8  n_open;
  guint8  n_close;
  guint8  open_tags[MAX_DELIM_RUN];   /* in the order matched: inner first */
  guint8  close_tags[MAX_DELIM_RUN];  /* in the order matched: inner first */
} Token;

typedef struct
{
  const char *s;
  gsize       len;
  gboolean    markdown;

  GArray     *tokens;
  GString    *decoded;
  GPtrArray  *hrefs;
  GArray     *brackets;  /* indexes of "[" tokens not yet closed */

  gsize       text_start; /* start of the text not yet in a token */
  gsize       budget;     /* bytes failed link-destination scans may still look at */
  gboolean    no_comment_end;
  gboolean    no_backtick_run[MAX_BACKTICK_RUN + 1];
} Inline;

static Token *
inline_add (Inline    *in,
            TokenKind  kind,
            gsize      start,
            gsize      len)
{
  Token token = { 0, };

  token.kind = kind;
  token.start = start;
  token.len = len;
  g_array_append_val (in->tokens, token);
  return &g_array_index (in->tokens, Token, in->tokens->len - 1);
}

/* Ends the pending text just before @pos. */
static void
inline_flush_text (Inline *in,
                   gsize   pos)
{
  if (pos > in->text_start)
    inline_add (in, TOKEN_TEXT, in->text_start, pos - in->text_start);
  in->text_start = pos;
}

static guint32
inline_add_href (Inline *in,
                 char   *href)
{
  if (href == NULL)
    return NO_HREF;
  g_ptr_array_add (in->hrefs, href);
  return in->hrefs->len - 1;
}

static void
inline_add_decoded (Inline     *in,
                    const char *s,
                    gsize       len)
{
  gsize start = in->decoded->len;

  g_string_append_len (in->decoded, s, len);
  inline_add (in, TOKEN_DECODED, start, len);
}

static gunichar
char_before (Inline *in,
             gsize   pos)
{
  if (pos == 0)
    return ' ';
  return g_utf8_get_char (g_utf8_find_prev_char (in->s, in->s + pos));
}

static gunichar
char_at (Inline *in,
         gsize   pos)
{
  if (pos >= in->len)
    return ' ';
  return g_utf8_get_char (in->s + pos);
}

/* A run of * _ or ~ at @pos: an emphasis delimiter if CommonMark's flanking
 * rules let it open or close, else plain text.  Returns the run length. */
static gsize
inline_delimiter (Inline *in,
                  gsize   pos)
{
  char c = in->s[pos];
  gsize run = 1;
  gunichar before, after;
  gboolean before_space, after_space, before_punct, after_punct;
  gboolean left, right, can_open, can_close;
  Token *token;

  while (pos + run < in->len && in->s[pos + run] == c)
    run++;

  /* GitHub strikethrough is "~~"; more or fewer tildes are text. */
  if (run > MAX_DELIM_RUN || (c == '~' && run != 2))
    return run;

  before = char_before (in, pos);
  after = char_at (in, pos + run);
  before_space = g_unichar_isspace (before);
  after_space = g_unichar_isspace (after);
  before_punct = g_unichar_ispunct (before);
  after_punct = g_unichar_ispunct (after);

  left = !after_space && (!after_punct || before_space || before_punct);
  right = !before_space && (!before_punct || after_space || after_punct);

  if (c == '_')
    {
      /* No emphasis inside words: snake_case_names stay as they are. */
      can_open = left && (!right || before_punct);
      can_close = right && (!left || after_punct);
    }
  else
    {
      can_open = left;
      can_close = right;
    }

  if (!can_open && !can_close)
    return run;

  inline_flush_text (in, pos);
  token = inline_add (in, TOKEN_DELIMITER, pos, run);
  token->ch = c;
  token->remaining = run;
  token->can_open = can_open;
  token->can_close = can_close;
  in->text_start = pos + run;
  return run;
}

/* A code span: the backtick run at @pos up to the next run of the same
 * length.  Returns the bytes consumed (the run alone if it opens nothing). */
static gsize
inline_code_span (Inline *in,
                  gsize   pos)
{
  gsize run = 1;
  gsize i;

  while (pos + run < in->len && in->s[pos + run] == '`')
    run++;

  /* Once a run of some length has no partner, none later has either. */
  if (run > MAX_BACKTICK_RUN || in->no_backtick_run[run])
    return run;

  for (i = pos + run; i < in->len;)
    {
      const char *tick = memchr (in->s + i, '`', in->len - i);
      gsize other = 1;
      gsize content_start, content_end;

      if (tick == NULL)
        break;
      i = tick - in->s;
      while (i + other < in->len && in->s[i + other] == '`')
        other++;
      if (other != run)
        {
          i += other;
          continue;
        }

      content_start = pos + run;
      content_end = i;
      /* "`` `a` ``" shows "`a`": one space on both sides is padding. */
      if (content_end - content_start >= 2 &&
          (in->s[content_start] == ' ' || in->s[content_start] == '\n') &&
          (in->s[content_end - 1] == ' ' || in->s[content_end - 1] == '\n'))
        {
          gsize k;

          for (k = content_start; k < content_end && (in->s[k] == ' ' || in->s[k] == '\n'); k++)
            ;
          if (k < content_end)
            {
              content_start++;
              content_end--;
            }
        }

      inline_flush_text (in, pos);
      inline_add (in, TOKEN_CODE, content_start, content_end - content_start);
      in->text_start = i + run;
      return i + run - pos;
    }

  in->no_backtick_run[run] = TRUE;
  return run;
}

static gsize
skip_link_space (Inline *in,
                 gsize   i,
                 gsize   limit)
{
  gboolean newline = FALSE;

  while (i < limit && (in->s[i] == ' ' || in->s[i] == '\t' || in->s[i] == '\n'))
    {
      if (in->s[i] == '\n')
        {
          /* A blank line ends the paragraph, and the link with it. */
          if (newline)
            return limit;
          newline = TRUE;
        }
      i++;
    }
  return i;
}

/* Parses "(destination "title")" at @pos.  On success returns the end of it
 * and sets the destination (with escapes and entities still in it). */
static gboolean
inline_link_destination (Inline *in,
                         gsize   pos,
                         gsize  *end,
                         gsize  *dest_start,
                         gsize  *dest_len)
{
  gsize limit = MIN (in->len, pos + in->budget);
  gsize i = pos + 1;
  gsize j = i;

  if (pos >= limit || in->s[pos] != '(')
    return FALSE;

  i = j = skip_link_space (in, i, limit);
  if (i < limit && in->s[i] == '<')
    {
      for (j = i + 1; j < limit && in->s[j] != '>' && in->s[j] != '<' && in->s[j] != '\n'; j++)
        if (in->s[j] == '\\' && j + 1 < limit)
          j++;
      if (j >= limit || in->s[j] != '>')
        goto fail;
      *dest_start = i + 1;
      *dest_len = j - i - 1;
      j++;
    }
  else
    {
      guint depth = 0;

      for (; j < limit; j++)
        {
          guchar c = in->s[j];

          if (c == '\\' && j + 1 < limit && g_ascii_ispunct (in->s[j + 1]))
            j++;
          else if (c <= ' ' || c == 0x7f)
            break;
          else if (c == '(' && ++depth > MAX_PAREN_DEPTH)
            goto fail;
          else if (c == ')' && depth == 0)
            break;
          else if (c == ')')
            depth--;
        }
      if (j >= limit || depth > 0)
        goto fail;
      *dest_start = i;
      *dest_len = j - i;
    }

  /* An optional title, which a label has no use for. */
  i = j;
  j = skip_link_space (in, i, limit);
  if (j > i && j < limit && (in->s[j] == '"' || in->s[j] == '\'' || in->s[j] == '('))
    {
      char close = in->s[j] == '(' ? ')' : in->s[j];

      for (j++; j < limit && in->s[j] != close; j++)
        if (in->s[j] == '\\' && j + 1 < limit)
          j++;
      if (j >= limit)
        goto fail;
      j = skip_link_space (in, j + 1, limit);
    }

  if (j >= limit || in->s[j] != ')')
    goto fail;

  *end = j + 1;
  return TRUE;

fail:
  /* Failed scans are paid from a budget, so "[[[[…](](](…" stays linear. */
  in->budget -= MIN (in->budget, MIN (j, limit) - pos + 1);
  return FALSE;
}

/* "]" at @pos: closes a link if a "[" is open and "(destination)" follows. */
static gsize
inline_close_bracket (Inline *in,
                      gsize   pos)
{
  gsize end, dest_start, dest_len;
  guint opener;
  Token *token;
  guint32 href;

  if (in->brackets->len == 0)
    return 1;

  opener = g_array_index (in->brackets, guint, in->brackets->len - 1);
  if (!inline_link_destination (in, pos + 1, &end, &dest_start, &dest_len))
    {
      g_array_set_size (in->brackets, in->brackets->len - 1);
      return 1;
    }

  {
    g_autofree char *dest = decode_text (in->s + dest_start, dest_len, TRUE);

    href = inline_add_href (in, make_href (dest, strlen (dest)));
  }

  inline_flush_text (in, pos);
  token = &g_array_index (in->tokens, Token, opener);
  token->kind = TOKEN_LINK_OPEN;
  token->start = href;
  token = inline_add (in, TOKEN_LINK_CLOSE, href, 0);

  /* Links cannot contain links: the brackets before this one are text now. */
  g_array_set_size (in->brackets, 0);
  in->text_start = end;
  return end - pos;
}

static gboolean
is_url_end (Inline *in,
            gsize   i)
{
  guchar c = in->s[i];

  if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '`')
    return TRUE;
  /* In Markdown, "[https://…](…)" is a link whose text is a URL. */
  if (in->markdown && c == ']')
    return TRUE;
  /* Only at the first byte of a character, so a URL never ends inside one. */
  if (c >= 0xc0)
    return g_unichar_isspace (g_utf8_get_char (in->s + i));
  return FALSE;
}

static void
inline_add_url (Inline     *in,
                const char *url,
                gsize       len,
                const char *href_prefix)
{
  g_autofree char *decoded = decode_text (url, len, FALSE);
  g_autofree char *full = g_strconcat (href_prefix, decoded, NULL);
  guint32 href = inline_add_href (in, make_href (full, strlen (full)));

  inline_add (in, TOKEN_URL_OPEN, href, 0);
  inline_add_decoded (in, decoded, strlen (decoded));
  inline_add (in, TOKEN_URL_CLOSE, href, 0);
}

/* A bare "http(s)://…" at @pos, ended like GitHub does: trailing punctuation
 * and unbalanced closing parentheses are not part of it.  Returns the bytes
 * consumed, 0 if there is no URL. */
static gsize
inline_bare_url (Inline *in,
                 gsize   pos)
{
  gsize host, end;
  guint opens = 0, closes = 0;

  if (pos > 0 && g_ascii_isalnum (in->s[pos - 1]))
    return 0;
  if (in->len - pos > 7 && g_ascii_strncasecmp (in->s + pos, "http://", 7) == 0)
    host = pos + 7;
  else if (in->len - pos > 8 && g_ascii_strncasecmp (in->s + pos, "https://", 8) == 0)
    host = pos + 8;
  else
    return 0;

  if (!g_ascii_isalnum (in->s[host]) && (guchar) in->s[host] < 0x80)
    return 0;

  for (end = host; end < in->len && !is_url_end (in, end); end++)
    {
      if (in->s[end] == '(')
        opens++;
      else if (in->s[end] == ')')
        closes++;
    }

  while (end > host)
    {
      char c = in->s[end - 1];

      if (c == ')' && closes > opens)
        {
          closes--;
          end--;
        }
      else if (c == ';')
        {
          /* "https://a.b&quot;" ends before the entity. */
          gsize k = end - 1;

          while (k > host && (g_ascii_isalnum (in->s[k - 1]) || in->s[k - 1] == '#'))
            k--;
          end = (k > host && in->s[k - 1] == '&' && k < end - 1) ? k - 1 : end - 1;
        }
      else if (strchr ("?!.,:*_~'\"", c) != NULL)
        {
          end--;
        }
      else
        {
          break;
        }
    }

  if (end == host)
    return 0;

  inline_flush_text (in, pos);
  inline_add_url (in, in->s + pos, end - pos, "");
  in->text_start = end;
  return end - pos;
}

/* "<https://…>" or "<someone@example.org>" at @pos. */
static gsize
inline_autolink (Inline *in,
                 gsize   pos)
{
  gsize i;
  gsize at = 0;

  for (i = pos + 1; i < in->len && in->s[i] != '>'; i++)
    {
      guchar c = in->s[i];

      if (c <= ' ' || c == '<' || c == 0x7f)
        return 0;
      if (c == '@' && at == 0)
        at = i;
    }
  if (i >= in->len || i == pos + 1)
    return 0;

  inline_flush_text (in, pos);
  if (g_ascii_strncasecmp (in->s + pos + 1, "http://", 7) == 0 ||
      g_ascii_strncasecmp (in->s + pos + 1, "https://", 8) == 0 ||
      g_ascii_strncasecmp (in->s + pos + 1, "mailto:", 7) == 0)
    {
      inline_add_url (in, in->s + pos + 1, i - pos - 1, "");
    }
  else if (at > pos + 1 && at + 1 < i && memchr (in->s + pos + 1, ':', i - pos - 1) == NULL &&
           memchr (in->s + at + 1, '.', i - at - 1) != NULL)
    {
      inline_add_url (in, in->s + pos + 1, i - pos - 1, "mailto:");
    }
  else
    {
      return 0;
    }

  in->text_start = i + 1;
  return i + 1 - pos;
}

/* Reads the attributes of a tag up to its ">", keeping "href" and "start".
 * Returns the position after the ">", or 0 if this is no tag.  A "<" ends
 * the scan, so that scans of consecutive tags never overlap. */
static gsize
read_tag_attributes (Inline  *in,
                     gsize    i,
                     char   **href,
                     char   **start)
{
  while (i < in->len)
    {
      gsize name_start, name_len;
      gsize value_start = 0, value_len = 0;
      char c = in->s[i];

      if (is_ascii_space (c) || c == '/')
        {
          i++;
          continue;
        }
      if (c == '>')
        return i + 1;
      if (c == '<')
        return 0;

      name_start = i;
      while (i < in->len && !is_ascii_space (in->s[i]) &&
             strchr ("/><=", in->s[i]) == NULL)
        i++;
      name_len = i - name_start;
      if (name_len == 0)
        i++;  /* a stray "=": skip it, as browsers do */

      while (i < in->len && is_ascii_space (in->s[i]))
        i++;
      if (name_len > 0 && i < in->len && in->s[i] == '=')
        {
          i++;
          while (i < in->len && is_ascii_space (in->s[i]))
            i++;
          if (i < in->len && (in->s[i] == '"' || in->s[i] == '\''))
            {
              char quote = in->s[i++];

              value_start = i;
              while (i < in->len && in->s[i] != quote && in->s[i] != '<')
                i++;
              if (i >= in->len || in->s[i] == '<')
                return 0;
              value_len = i - value_start;
              i++;
            }
          else
            {
              value_start = i;
              while (i < in->len && !is_ascii_space (in->s[i]) && in->s[i] != '>' &&
                     in->s[i] != '<')
                i++;
              value_len = i - value_start;
            }
        }

      if (name_len == 4 && g_ascii_strncasecmp (in->s + name_start, "href", 4) == 0 &&
          *href == NULL)
        *href = decode_text (in->s + value_start, value_len, FALSE);
      else if (name_len == 5 && g_ascii_strncasecmp (in->s + name_start, "start", 5) == 0 &&
               *start == NULL)
        *start = g_strndup (in->s + value_start, value_len);
    }

  return 0;
}

/* Skips the content of <script> and the like, up to and including the
 * matching closing tag, or to the end if there is none, as browsers do. */
static gsize
skip_element_content (Inline     *in,
                      gsize       i,
                      const char *name)
{
  gsize name_len = strlen (name);

  for (; i < in->len; i++)
    {
      const char *lt = memchr (in->s + i, '<', in->len - i);

      if (lt == NULL)
        break;
      i = lt - in->s;
      if (i + 2 + name_len <= in->len && in->s[i + 1] == '/' &&
          g_ascii_strncasecmp (in->s + i + 2, name, name_len) == 0 &&
          (i + 2 + name_len == in->len || is_ascii_space (in->s[i + 2 + name_len]) ||
           in->s[i + 2 + name_len] == '>' || in->s[i + 2 + name_len] == '/'))
        {
          const char *gt = memchr (in->s + i, '>', in->len - i);

          return gt ? (gsize) (gt - in->s) + 1 : in->len;
        }
    }

  return in->len;
}

/* "<" at @pos: an autolink, an HTML tag or comment, or text. */
static gsize
inline_angle (Inline *in,
              gsize   pos)
{
  char name[MAX_TAG_NAME + 1];
  gboolean closing;
  gsize i, end;
  HtmlKind kind;
  g_autofree char *href = NULL;
  g_autofree char *start = NULL;
  Token *token;

  if ((end = inline_autolink (in, pos)) > 0)
    return end;

  if (in->len - pos >= 4 && strncmp (in->s + pos, "<!--", 4) == 0)
    {
      const char *close = in->no_comment_end ? NULL :
                          g_strstr_len (in->s + pos + 4, in->len - pos - 4, "-->");

      if (close == NULL)
        {
          in->no_comment_end = TRUE;
          return 1;
        }
      inline_flush_text (in, pos);
      in->text_start = close + 3 - in->s;
      return in->text_start - pos;
    }

  if (in->len - pos >= 2 && (in->s[pos + 1] == '?' ||
                             (in->s[pos + 1] == '!' && pos + 2 < in->len &&
                              g_ascii_isalpha (in->s[pos + 2]))))
    {
      /* <!DOCTYPE …>, <?xml …?> */
      for (i = pos + 2; i < in->len && in->s[i] != '>' && in->s[i] != '<'; i++)
        ;
      if (i >= in->len || in->s[i] != '>')
        return 1;
      inline_flush_text (in, pos);
      in->text_start = i + 1;
      return i + 1 - pos;
    }

  i = read_tag_name (in->s + pos, in->len - pos, &closing, name);
  if (i == 0 || (kind = html_lookup (name)) == HTML_UNKNOWN)
    return 1;
  end = read_tag_attributes (in, pos + i, &href, &start);
  if (end == 0)
    return 1;

  inline_flush_text (in, pos);
  in->text_start = end;

  if (kind == HTML_DROP_CONTENT)
    {
      if (!closing && in->s[end - 2] != '/')
        in->text_start = skip_element_content (in, end, name);
      return in->text_start - pos;
    }
  if (kind == HTML_IGNORE)
    return end - pos;

  token = inline_add (in, TOKEN_HTML, 0, 0);
  token->html_kind = kind;
  token->closing = closing;
  if (kind == HTML_LINK && !closing)
    token->start = inline_add_href (in, href ? make_href (href, strlen (href)) : NULL);
  else if (kind == HTML_OL && start != NULL)
    token->start = (guint32) CLAMP (g_ascii_strtoll (start, NULL, 10), 0, 999999999);
  else if (kind == HTML_OL)
    token->start = 1;

  /* In Markdown, "<br>" at the end of a line is the line break: the
   * newline after it is not another one. */
  if (in->markdown && kind == HTML_BR)
    {
      while (in->text_start < in->len &&
             (in->s[in->text_start] == ' ' || in->s[in->text_start] == '\t'))
        in->text_start++;
      if (in->text_start < in->len && in->s[in->text_start] == '\n')
        in->text_start++;
    }

  return in->text_start - pos;
}

static void
inline_tokenize (Inline *in)
{
  gsize i = 0;

  while (i < in->len)
    {
      char c = in->s[i];
      gsize n = 0;

      switch (c)
        {
        case '\\':
          if (!in->markdown || i + 1 >= in->len)
            break;
          if (g_ascii_ispunct (in->s[i + 1]))
            {
              inline_flush_text (in, i);
              inline_add (in, TOKEN_TEXT, i + 1, 1);
              in->text_start = i + 2;
              n = 2;
            }
          else if (in->s[i + 1] == '\n')
            {
              /* A backslash at the end of a line is a line break, which every newline is here. */
              inline_flush_text (in, i);
              in->text_start = i + 1;
              n = 1;
            }
          break;

        case '`':
          if (in->markdown)
            n = inline_code_span (in, i);
          break;

        case '*':
        case '_':
        case '~':
          if (in->markdown)
            n = inline_delimiter (in, i);
          break;

        case '!':
          if (in->markdown && i + 1 < in->len && in->s[i + 1] == '[')
            {
              guint index;

              inline_flush_text (in, i);
              inline_add (in, TOKEN_TEXT, i, 2);
              index = in->tokens->len - 1;
              g_array_append_val (in->brackets, index);
              in->text_start = i + 2;
              n = 2;
            }
          break;

        case '[':
          if (in->markdown)
            {
              guint index;

              inline_flush_text (in, i);
              inline_add (in, TOKEN_TEXT, i, 1);
              index = in->tokens->len - 1;
              g_array_append_val (in->brackets, index);
              in->text_start = i + 1;
              n = 1;
            }
          break;

        case ']':
          if (in->markdown)
            n = inline_close_bracket (in, i);
          break;

        case '<':
          n = inline_angle (in, i);
          break;

        case '&':
          {
            gsize start = in->decoded->len;

            n = decode_entity (in->s + i, in->len - i, in->decoded);
            if (n > 0)
              {
                inline_flush_text (in, i);
                inline_add (in, TOKEN_DECODED, start, in->decoded->len - start);
                in->text_start = i + n;
              }
          }
          break;

        case 'h':
        case 'H':
          n = inline_bare_url (in, i);
          break;

        default:
          break;
        }

      i += MAX (n, 1);
    }

  inline_flush_text (in, in->len);
}

/* Matches emphasis delimiters, CommonMark-style: each closer takes the
 * nearest opener of the same character; openers in between can then no
 * longer close and stay text.  Links are barriers: emphasis in a link's
 * text ends with it.  (CommonMark's "rule of three" is left out.) */
static void
inline_resolve_emphasis (Inline *in)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint)); /* token indexes */
  g_autoptr(GArray) below = g_array_new (FALSE, FALSE, sizeof (gint));  /* same character, below */
  gint top[3] = { -1, -1, -1 };
  guint barrier = 0;

#define TRUNCATE(size) G_STMT_START {                           \
    guint size_ = (size);                                        \
    for (guint c_ = 0; c_ < 3; c_++)                             \
      while (top[c_] >= (gint) size_)                            \
        top[c_] = g_array_index (below, gint, top[c_]);          \
    g_array_set_size (stack, size_);                             \
    g_array_set_size (below, size_);                             \
  } G_STMT_END

  for (guint t = 0; t < in->tokens->len; t++)
    {
      Token *token = &g_array_index (in->tokens, Token, t);
      guint c;

      if (token->kind == TOKEN_LINK_OPEN)
        {
          barrier = stack->len;
          continue;
        }
      if (token->kind == TOKEN_LINK_CLOSE)
        {
          TRUNCATE (barrier);
          barrier = 0;
          continue;
        }
      if (token->kind != TOKEN_DELIMITER)
        continue;

      c = token->ch == '*' ? 0 : token->ch == '_' ? 1 : 2;

      while (token->can_close && token->remaining > 0 && top[c] >= (gint) barrier)
        {
          guint position = top[c];
          guint opener_index = g_array_index (stack, guint, position);
          Token *opener = &g_array_index (in->tokens, Token, opener_index);
          guint use = (opener->remaining >= 2 && token->remaining >= 2) ? 2 : 1;
          Tag tag = token->ch == '~' ? TAG_STRIKE : use == 2 ? TAG_BOLD : TAG_ITALIC;

          opener->open_tags[opener->n_open++] = tag;
          token->close_tags[token->n_close++] = tag;
          opener->remaining -= use;
          token->remaining -= use;
          TRUNCATE (opener->remaining > 0 ? position + 1 : position);
        }

      if (token->can_open && token->remaining > 0)
        {
          gint previous = top[c];

          g_array_append_val (stack, t);
          g_array_append_val (below, previous);
          top[c] = stack->len - 1;
        }
    }

#undef TRUNCATE
}

static void html_apply (Output *o, const Token *token, GPtrArray *hrefs);

static void
inline_emit (Inline *in,
             Output *o)
{
  for (guint t = 0; t < in->tokens->len; t++)
    {
      const Token *token = &g_array_index (in->tokens, Token, t);

      switch ((TokenKind) token->kind)
        {
        case TOKEN_TEXT:
          output_text (o, in->s + token->start, token->len, TEXT_FLOW);
          break;

        case TOKEN_DECODED:
          output_text (o, in->decoded->str + token->start, token->len, TEXT_FLOW);
          break;

        case TOKEN_CODE:
          output_open (o, TAG_MONOSPACE, NULL);
          output_text (o, in->s + token->start, token->len, TEXT_CODE_SPAN);
          output_close (o, TAG_MONOSPACE);
          break;

        case TOKEN_DELIMITER:
          for (guint k = 0; k < token->n_close; k++)
            output_close (o, token->close_tags[k]);
          for (guint k = 0; k < token->remaining; k++)
            output_text (o, (const char *) &token->ch, 1, TEXT_FLOW);
          for (guint k = token->n_open; k > 0; k--)
            output_open (o, token->open_tags[k - 1], NULL);
          break;

        case TOKEN_LINK_OPEN:
        case TOKEN_URL_OPEN:
          if (token->start != NO_HREF)
            output_open (o, TAG_LINK, g_ptr_array_index (in->hrefs, token->start));
          break;

        case TOKEN_LINK_CLOSE:
        case TOKEN_URL_CLOSE:
          if (token->start != NO_HREF)
            output_close (o, TAG_LINK);
          break;

        case TOKEN_HTML:
          html_apply (o, token, in->hrefs);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
render_inline (Output     *o,
               const char *s,
               gsize       len,
               gboolean    markdown)
{
  Inline in = { 0, };

  in.s = s;
  in.len = len;
  in.markdown = markdown;
  in.budget = len + 4096;
  in.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  in.decoded = g_string_new (NULL);
  in.hrefs = g_ptr_array_new_with_free_func (g_free);
  in.brackets = g_array_new (FALSE, FALSE, sizeof (guint));

  inline_tokenize (&in);
  if (markdown)
    inline_resolve_emphasis (&in);
  inline_emit (&in, o);

  g_array_unref (in.tokens);
  g_string_free (in.decoded, TRUE);
  g_ptr_array_unref (in.hrefs);
  g_array_unref (in.brackets);
}

/* HTML */

static void
html_apply (Output      *o,
            const Token *token,
            GPtrArray   *hrefs)
{
  HtmlKind kind = token->html_kind;
  gboolean closing = token->closing;

  switch (kind)
    {
    case HTML_BOLD:
    case HTML_ITALIC:
    case HTML_MONOSPACE:
    case HTML_STRIKE:
    case HTML_UNDERLINE:
      if (closing)
        output_close (o, html_kind_tag (kind));
      else
        output_open (o, html_kind_tag (kind), NULL);
      break;

    case HTML_LINK:
      /* A link to javascript: or to nowhere shows as its text. */
      if (closing)
        output_close (o, TAG_LINK);
      else if (token->start != NO_HREF)
        output_open (o, TAG_LINK, g_ptr_array_index (hrefs, token->start));
      break;

    case HTML_BR:
      output_break (o, 1, TRUE);
      break;

    case HTML_CELL:
      output_space (o);
      break;

    case HTML_P:
    case HTML_HR:
      output_break (o, 2, FALSE);
      break;

    case HTML_DIV:
      output_break (o, 1, FALSE);
      break;

    case HTML_HEADING:
    case HTML_BLOCKQUOTE:
      if (closing)
        output_close (o, kind == HTML_HEADING ? TAG_HEADING : TAG_ITALIC);
      output_break (o, 2, FALSE);
      if (!closing)
        output_open (o, kind == HTML_HEADING ? TAG_HEADING : TAG_ITALIC, NULL);
      break;

    case HTML_PRE:
      if (closing)
        {
          output_close (o, TAG_MONOSPACE);
          if (o->preformatted > 0)
            o->preformatted--;
          o->skip_newline = FALSE;
        }
      output_break (o, 2, FALSE);
      if (!closing)
        {
          output_open (o, TAG_MONOSPACE, NULL);
          o->preformatted++;
          o->skip_newline = TRUE;
        }
      break;

    case HTML_UL:
    case HTML_OL:
      if (closing && o->list_depth > 0)
        o->list_depth--;
      output_break (o, o->list_depth == 0 ? 2 : 1, FALSE);
      if (!closing)
        {
          if (o->list_depth < MAX_LIST_DEPTH)
            {
              ListLevel *level = &o->lists[o->list_depth];

              level->ordered = kind == HTML_OL;
              level->number = token->start;
              level->items = 0;
            }
          /* Deeper lists share the deepest level's state. */
          if (o->list_depth < G_MAXUINT)
            o->list_depth++;
        }
      break;

    case HTML_LI:
      if (closing)
        {
          output_break (o, 1, FALSE);
        }
      else
        {
          guint depth = MIN (o->list_depth, MAX_LIST_DEPTH);
          ListLevel *level = depth > 0 ? &o->lists[depth - 1] : NULL;

          /* Items follow each other line by line, however their paragraphs end. */
          o->after_bullet = FALSE;
          if (level != NULL && level->items > 0 && o->has_text)
            o->pending_newlines = 1;
          else
            output_break (o, 1, FALSE);
          output_bullet (o, o->list_depth > 0 ? o->list_depth - 1 : 0,
                         level != NULL && level->ordered ? MAX (level->number, 1) : 0);
          if (level != NULL)
            {
              level->items++;
              if (level->ordered)
                level->number = MAX (level->number, 1) + 1;
            }
        }
      break;

    case HTML_UNKNOWN:
    case HTML_IGNORE:
    case HTML_DROP_CONTENT:
    default:
      break;
    }
}

/* Whether @s is HTML rather than Markdown: it has a block-level element
 * outside Markdown code.  Inline tags alone ("a<br>b", "<b>x</b>") are
 * read as Markdown, which handles them too. */
static gboolean
looks_like_html (const char *s)
{
  char fence = 0;
  gsize fence_len = 0;
  gsize code_run = 0;
  gboolean line_start = TRUE;

  for (const char *p = s; *p; p++)
    {
      if (line_start)
        {
          const char *q = p;
          gsize run = 0;

          line_start = FALSE;
          code_run = 0;
          while (*q == ' ' && q - p < 3)
            q++;
          while (q[run] == '`' || q[run] == '~')
            {
              if (q[run] != q[0])
                break;
              run++;
            }
          if (run >= 3 && (fence == 0 || (fence == q[0] && run >= fence_len)))
            {
              fence = fence == 0 ? q[0] : 0;
              fence_len = run;
            }
        }

      if (*p == '\n')
        {
          line_start = TRUE;
          continue;
        }
      if (fence != 0)
        continue;

      if (*p == '`')
        {
          gsize run = 1;

          while (p[run] == '`')
            run++;
          code_run = code_run == 0 ? run : code_run == run ? 0 : code_run;
          p += run - 1;
          continue;
        }

      if (*p == '<' && code_run == 0)
        {
          char name[MAX_TAG_NAME + 1];
          gboolean closing;

          if (read_tag_name (p, strnlen (p, MAX_TAG_NAME + 3), &closing, name) > 0 &&
              html_kind_is_block (html_lookup (name)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Markdown blocks */

typedef enum
{
  BLOCK_NONE,
  BLOCK_PARAGRAPH,
  BLOCK_LIST_ITEM,
  BLOCK_QUOTE,
  BLOCK_HEADING,
  BLOCK_CODE,
} BlockType;

typedef struct
{
  guint    indent;
  char     marker;  /* - * + . or ): a different one starts a new list */
  guint64  number;
} MarkdownList;

typedef struct
{
  Output      *out;
  BlockType    type;
  GString     *text;
  gboolean     blank_before;

  guint        item_level;
  guint64      item_number;

  MarkdownList lists[MAX_LIST_DEPTH];
  guint        n_lists;

  char         fence;
  gsize        fence_len;
  guint        fence_indent;
  gboolean     fence_first_line;
} Markdown;

static void
markdown_flush (Markdown *md)
{
  Output *o = md->out;

  if (md->type == BLOCK_NONE)
    return;

  o->after_bullet = FALSE;
  output_break (o, md->blank_before ? 2 : 1, FALSE);

  switch (md->type)
    {
    case BLOCK_PARAGRAPH:
      break;
    case BLOCK_LIST_ITEM:
      output_bullet (o, md->item_level, md->item_number);
      break;
    case BLOCK_QUOTE:
      output_open (o, TAG_ITALIC, NULL);
      break;
    case BLOCK_HEADING:
      output_open (o, TAG_HEADING, NULL);
      break;
    case BLOCK_CODE:
      output_open (o, TAG_MONOSPACE, NULL);
      output_text (o, md->text->str, md->text->len, TEXT_VERBATIM);
      break;
    case BLOCK_NONE:
    default:
      g_assert_not_reached ();
    }

  if (md->type != BLOCK_CODE)
    render_inline (o, md->text->str, md->text->len, TRUE);
  output_close_all (o);

  md->type = BLOCK_NONE;
  md->blank_before = FALSE;
  g_string_truncate (md->text, 0);
}

static void
markdown_start (Markdown   *md,
                BlockType   type,
                const char *text,
                gsize       len)
{
  markdown_flush (md);
  md->type = type;
  g_string_append_len (md->text, text, len);
  if (type != BLOCK_LIST_ITEM)
    md->n_lists = 0;
}

/* Appends a line to the paragraph, list item or quote being collected. */
static void
markdown_continue (Markdown   *md,
                   const char *text,
                   gsize       len)
{
  g_string_append_c (md->text, '\n');
  g_string_append_len (md->text, text, len);
}

static void
trim (const char **s,
      gsize       *len)
{
  while (*len > 0 && is_ascii_space (**s))
    {
      (*s)++;
      (*len)--;
    }
  while (*len > 0 && is_ascii_space ((*s)[*len - 1]))
    (*len)--;
}

static gboolean
is_thematic_break (const char *s,
                   gsize       len)
{
  char c = len > 0 ? s[0] : 0;
  guint count = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == c)
        count++;
      else if (s[i] != ' ' && s[i] != '\t')
        return FALSE;
    }
  return count >= 3;
}

/* A setext heading underline: "===" or "---" under a paragraph. */
static gboolean
is_setext_underline (const char *s,
                     gsize       len)
{
  gsize i = 0;

  if (len == 0 || (s[0] != '=' && s[0] != '-'))
    return FALSE;
  while (i < len && s[i] == s[0])
    i++;
  while (i < len && (s[i] == ' ' || s[i] == '\t'))
    i++;
  return i == len;
}

/* Recognizes a list marker ("- ", "* ", "+ ", "1. ", "1) ") at the start of
 * @s; returns the length of the marker with its space, or 0.  @number is 0
 * for bullets. */
static gsize
list_marker (const char *s,
             gsize       len,
             char       *marker,
             guint64    *number)
{
  gsize i = 0;

  *number = 0;
  if (len > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '+'))
    {
      i = 1;
    }
  else
    {
      while (i < len && i < 9 && g_ascii_isdigit (s[i]))
        *number = *number * 10 + (s[i++] - '0');
      if (i == 0 || i >= len || (s[i] != '.' && s[i] != ')'))
        return 0;
      /* "0." is a valid start, but 0 means bullet here. */
      *number = MAX (*number, 1);
      i++;
    }
  *marker = s[i - 1];

  if (i == len)
    return i;
  if (s[i] != ' ' && s[i] != '\t')
    return 0;
  return i + 1;
}

/* Numbers the item as CommonMark does: a list counts on from the number of
 * its first item. */
static void
markdown_list_item (Markdown *md,
                    guint     indent,
                    char      marker,
                    guint64   number)
{
  MarkdownList *list;

  while (md->n_lists > 0 && indent < md->lists[md->n_lists - 1].indent)
    md->n_lists--;

  if (md->n_lists == 0 ||
      (indent >= md->lists[md->n_lists - 1].indent + 2 && md->n_lists < MAX_LIST_DEPTH))
    {
      list = &md->lists[md->n_lists++];
      list->indent = indent;
    }
  else
    {
      list = &md->lists[md->n_lists - 1];
      if (list->marker == marker && number > 0)
        number = list->number + 1;
    }
  list->marker = marker;
  list->number = number;

  md->item_level = md->n_lists - 1;
  md->item_number = number;
}

static void
markdown_line (Markdown   *md,
               const char *line,
               gsize       len)
{
  const char *content = line;
  gsize content_len = len;
  guint indent = 0;
  char marker_char;
  guint64 number;
  gsize marker;

  if (md->type == BLOCK_CODE)
    {
      gsize i = 0, run = 0;

      while (i < len && i < 3 && line[i] == ' ')
        i++;
      while (i + run < len && line[i + run] == md->fence)
        run++;
      if (run >= md->fence_len)
        {
          const char *rest = line + i + run;
          gsize rest_len = len - i - run;

          trim (&rest, &rest_len);
          if (rest_len == 0)
            {
              markdown_flush (md);
              return;
            }
        }

      if (!md->fence_first_line)
        g_string_append_c (md->text, '\n');
      md->fence_first_line = FALSE;
      for (i = 0; i < len && i < md->fence_indent && line[i] == ' '; i++)
        ;
      g_string_append_len (md->text, line + i, len - i);
      return;
    }

  while (content_len > 0 && (*content == ' ' || *content == '\t'))
    {
      indent += *content == '\t' ? 4 - indent % 4 : 1;
      content++;
      content_len--;
    }
  trim (&content, &content_len);

  if (content_len == 0)
    {
      markdown_flush (md);
      md->blank_before = TRUE;
      return;
    }

  if (indent <= 3)
    {
      gsize run = 0;

      /* ``` or ~~~ fences */
      while (run < content_len && content[run] == content[0] &&
             (content[0] == '`' || content[0] == '~'))
        run++;
      if (run >= 3 && (content[0] == '~' || memchr (content + run, '`', content_len - run) == NULL))
        {
          markdown_start (md, BLOCK_CODE, NULL, 0);
          md->fence = content[0];
          md->fence_len = run;
          md->fence_indent = indent;
          md->fence_first_line = TRUE;
          return;
        }

      /* # headings */
      for (run = 0; run < content_len && content[run] == '#'; run++)
        ;
      if (run >= 1 && run <= 6 &&
          (run == content_len || content[run] == ' ' || content[run] == '\t'))
        {
          const char *title = content + run;
          gsize title_len = content_len - run;

          trim (&title, &title_len);
          /* An optional closing "###" */
          for (run = title_len; run > 0 && title[run - 1] == '#'; run--)
            ;
          if (run == 0 || title[run - 1] == ' ' || title[run - 1] == '\t')
            {
              title_len = run;
              trim (&title, &title_len);
            }
          markdown_start (md, BLOCK_HEADING, title, title_len);
          markdown_flush (md);
          return;
        }

      if (md->type == BLOCK_PARAGRAPH && is_setext_underline (content, content_len))
        {
          md->type = BLOCK_HEADING;
          markdown_flush (md);
          return;
        }

      if (is_thematic_break (content, content_len))
        {
          markdown_flush (md);
          md->n_lists = 0;
          md->blank_before = TRUE;
          return;
        }

      if (content[0] == '>')
        {
          while (content_len > 0 && content[0] == '>')
            {
              content++;
              content_len--;
              trim (&content, &content_len);
            }
          if (md->type == BLOCK_QUOTE)
            markdown_continue (md, content, content_len);
          else
            markdown_start (md, BLOCK_QUOTE, content, content_len);
          return;
        }
    }

  marker = (indent <= 3 || md->n_lists > 0) ?
           list_marker (content, content_len, &marker_char, &number) : 0;
  /* A paragraph goes on over "2011. A year" or a lone "-"; "1." and "- x" start a list. */
  if (marker > 0 && md->type == BLOCK_PARAGRAPH &&
      (marker == content_len || number > 1))
    marker = 0;
  if (marker > 0)
    {
      const char *item = content + marker;
      gsize item_len = content_len - marker;

      trim (&item, &item_len);
      markdown_start (md, BLOCK_LIST_ITEM, item, item_len);
      markdown_list_item (md, indent, marker_char, number);
      return;
    }

  if (md->type == BLOCK_PARAGRAPH || md->type == BLOCK_LIST_ITEM || md->type == BLOCK_QUOTE)
    markdown_continue (md, content, content_len);
  else
    markdown_start (md, BLOCK_PARAGRAPH, content, content_len);
}

static void
render_markdown (Output     *o,
                 const char *s)
{
  Markdown md = { 0, };

  md.out = o;
  md.text = g_string_new (NULL);

  for (const char *line = s; line != NULL;)
    {
      const char *newline = strchr (line, '\n');
      gsize len = newline ? (gsize) (newline - line) : strlen (line);

      markdown_line (&md, line, len);
      line = newline ? newline + 1 : NULL;
    }
  markdown_flush (&md);

  g_string_free (md.text, TRUE);
}

/* Entry points */

/* Repairs the encoding and turns CRLF and CR into LF. */
static char *
normalize_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *normalized = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (normalized, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        {
          g_string_append_c (normalized, *p);
        }
    }

  return g_string_free (normalized, FALSE);
}

static char *
convert (const char *text,
         GPtrArray  *links)
{
  g_autofree char *normalized = normalize_input (text ? text : "");
  Output o = { 0, };

  if (strlen (normalized) > MAX_INPUT_LEN)
    *g_utf8_find_prev_char (normalized, normalized + MAX_INPUT_LEN + 1) = '\0';

  o.markup = g_string_sized_new (strlen (normalized) + 16);
  o.links = links;
  if (links != NULL)
    o.seen_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (looks_like_html (normalized))
    {
      render_inline (&o, normalized, strlen (normalized), FALSE);
    }
  else
    {
      o.newline_is_break = TRUE;
      render_markdown (&o, normalized);
    }
  output_close_all (&o);

  g_clear_pointer (&o.seen_links, g_hash_table_unref);
  return g_string_free (o.markup, FALSE);
}

/**
 * oc3_markup_from_program_text:
 * @text: (nullable): an abstract or description: Markdown, HTML or plain text
 *
 * Converts the text to Pango markup for a GtkLabel: paragraphs, lists,
 * headings, emphasis, code and links (only http, https and mailto ones).
 * Any other markup in @text is shown as text or dropped; the result is
 * always valid markup, whatever @text is (invalid UTF-8 included).
 *
 * Returns: (transfer full): the markup
 */
char *
oc3_markup_from_program_text (const char *text)
{
  return convert (text, NULL);
}

/**
 * oc3_markup_escape_plain:
 * @text: (nullable): plain text, such as a title
 *
 * Escapes @text for Pango markup: everything in it shows literally, and
 * nothing is linked.
 *
 * Returns: (transfer full): the markup
 */
char *
oc3_markup_escape_plain (const char *text)
{
  g_autofree char *normalized = normalize_input (text ? text : "");
  GString *markup = g_string_sized_new (strlen (normalized) + 16);

  for (const char *p = normalized; *p; p++)
    {
      guchar c = *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        continue;
      append_escaped (markup, p, 1, FALSE);
    }

  return g_string_free (markup, FALSE);
}

/**
 * oc3_markup_extract_links:
 * @text: (nullable): text as for oc3_markup_from_program_text()
 *
 * Finds the http and https links that oc3_markup_from_program_text() would
 * make of @text (Markdown and HTML links, autolinks and bare URLs), for
 * showing them apart, e.g. as buttons.
 *
 * Returns: (transfer container) (element-type utf8): the URLs, in order of
 *   appearance, each once
 */
GPtrArray *
oc3_markup_extract_links (const char *text)
{
  GPtrArray *links = g_ptr_array_new_with_free_func (g_free);

  g_free (convert (text, links));
  return links;
}
