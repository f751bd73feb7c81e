/* oc3-json-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "oc3-json-document.h"
#include "oc3-schedule-private.h"

typedef struct {
  guint32 node;
  /* Elements (arrays) or members (objects) begun so far. */
  guint32 count;
  /* Objects: the node of the current member's name, or OC3_JSON_NONE. */
  guint32 key;
} Frame;

typedef struct {
  const guchar *start;
  const guchar *p;
  const guchar *end;
  Oc3JsonNode  *nodes;
  guint32       n_nodes;
  guint32       n_alloc;
  char         *text;
  gsize         text_len;
  Frame         frames[OC3_SCHEDULE_MAX_DEPTH];
  guint         depth;
  GPtrArray    *warnings;
  GError      **error;
} Reader;

/* Bytes that stand for themselves inside a string: printable ASCII but the
 * quote and the backslash. */
static const guint8 plain_byte[256] = {
  [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

const char *
oc3_json_kind_to_string (Oc3JsonKind kind)
{
  switch (kind)
    {
    case OC3_JSON_NULL:
      return "null";
    case OC3_JSON_FALSE:
    case OC3_JSON_TRUE:
      return _("a boolean");
    case OC3_JSON_NUMBER:
      return _("a number");
    case OC3_JSON_STRING:
      return _("a string");
    case OC3_JSON_ARRAY:
      return _("an array");
    case OC3_JSON_OBJECT:
      return _("an object");
    default:
      g_assert_not_reached ();
    }
}

gboolean
oc3_json_is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;

  for (key++; *key; key++)
    if (!g_ascii_isalnum (*key) && *key != '_')
      return FALSE;

  return TRUE;
}

/* Quotes @text as a JSON string would, so that what a message shows can be
 * found in the file; long values are shortened to @max_chars characters. */
void
oc3_json_append_quoted (GString    *out,
                        const char *text,
                        gsize       max_chars)
{
  gsize n = 0;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p = g_utf8_next_char (p), n++)
    {
      guchar c = (guchar) *p;

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

void
oc3_json_append_key (GString    *path,
                     const char *key)
{
  if (oc3_json_is_identifier (key))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, key);
    }
  else
    {
      g_string_append_c (path, '[');
      oc3_json_append_quoted (path, key, G_MAXSIZE);
      g_string_append_c (path, ']');
    }
}

guint32
oc3_json_lookup (const Oc3JsonDocument *doc,
                 guint32                object,
                 const char            *name)
{
  guint32 n_members;
  guint32 node;
  guint32 found = OC3_JSON_NONE;

  if (object == OC3_JSON_NONE || oc3_json_kind (doc, object) != OC3_JSON_OBJECT)
    return OC3_JSON_NONE;

  /* A repeated member counts the last time, as in JavaScript. */
  n_members = oc3_json_length (doc, object);
  node = object + 1;
  for (guint32 i = 0; i < n_members; i++)
    {
      if (strcmp (oc3_json_text (doc, node), name) == 0)
        found = node + 1;
      node = oc3_json_next (doc, node + 1);
    }

  return found;
}

void
oc3_json_document_free (Oc3JsonDocument *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->nodes);
  g_free (doc->text);
  g_free (doc);
}

/* The path of where the reader is; @inside_current adds the element or
 * member being read to its container's path. */
static char *
reader_path (Reader   *r,
             gboolean  inside_current)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < r->depth; i++)
    {
      const Frame *frame = &r->frames[i];

      if (i + 1 == r->depth && !inside_current)
        break;

      if (r->nodes[frame->node].kind == OC3_JSON_ARRAY)
        {
          if (frame->count > 0)
            g_string_append_printf (path, "[%u]", frame->count - 1);
        }
      else if (frame->key != OC3_JSON_NONE)
        oc3_json_append_key (path, r->text + r->nodes[frame->key].offset);
    }

  if (path->len == 0)
    g_string_append (path, "(root)");

  return g_string_free (path, FALSE);
}

static void G_GNUC_PRINTF (5, 6)
reader_fail (Reader     *r,
             int         code,
             gboolean    inside_current,
             gboolean    with_position,
             const char *format,
             ...)
{
  g_autofree char *path = reader_path (r, inside_current);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (with_position)
    {
      const guchar *line_start = r->start;
      guint line = 1;
      glong column;

      for (const guchar *q = r->start; q < r->p; q++)
        if (*q == '\n')
          {
            line++;
            line_start = q + 1;
          }
      /* Columns count characters, as editors do; invalid bytes count as one. */
      column = 1;
      for (const guchar *q = line_start; q < r->p; q++)
        if ((*q & 0xc0) != 0x80)
          column++;

      g_set_error (r->error, OC3_SCHEDULE_ERROR, code,
                   _("%s: %s (line %u, column %ld)"), path, message, line, column);
    }
  else
    g_set_error (r->error, OC3_SCHEDULE_ERROR, code, "%s: %s", path, message);
}

static void
reader_warn (Reader     *r,
             const char *message)
{
  g_autofree char *path = NULL;

  if (r->warnings == NULL)
    return;

  path = reader_path (r, TRUE);
  oc3_schedule_add_warning (r->warnings, g_strdup_printf ("%s: %s", path, message));
}

/* Describes the byte at r->p for "unexpected …" messages. */
static char *
describe_here (Reader *r)
{
  guchar c;

  if (r->p >= r->end)
    return g_strdup (_("end of input"));

  c = *r->p;
  if (c >= 0x20 && c < 0x7f)
    {
      char text[2] = { (char) c, '\0' };
      GString *quoted = g_string_new (NULL);

      oc3_json_append_quoted (quoted, text, 1);
      return g_string_free (quoted, FALSE);
    }

  return g_strdup_printf (_("byte 0x%02x"), c);
}

static void
fail_unexpected (Reader     *r,
                 int         code,
                 const char *expected)
{
  g_autofree char *here = describe_here (r);

  reader_fail (r, code, FALSE, TRUE, _("unexpected %s, expected %s"), here, expected);
}

static void
fail_truncated (Reader   *r,
                gboolean  inside_current)
{
  reader_fail (r, OC3_SCHEDULE_ERROR_TRUNCATED, inside_current, FALSE,
               _("unexpected end of input (is the file truncated?)"));
}

static gboolean
add_node (Reader      *r,
          Oc3JsonKind  kind,
          guint32     *index)
{
  Oc3JsonNode *node;

  if G_UNLIKELY (r->n_nodes == r->n_alloc)
    {
      if (r->n_nodes >= OC3_SCHEDULE_MAX_VALUES)
        {
          reader_fail (r, OC3_SCHEDULE_ERROR_TOO_LARGE, TRUE, FALSE,
                       _("more than %d JSON values"), OC3_SCHEDULE_MAX_VALUES);
          return FALSE;
        }
      r->n_alloc = MIN ((guint64) r->n_alloc * 2, OC3_SCHEDULE_MAX_VALUES);
      r->nodes = g_renew (Oc3JsonNode, r->nodes, r->n_alloc);
    }

  *index = r->n_nodes++;
  node = &r->nodes[*index];
  node->kind = kind;
  node->offset = 0;
  node->length = 0;
  node->end = *index + 1;

  return TRUE;
}

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @p; -1 if they are not hex. */
static inline int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Whether the input ends within four hex digits: a truncated "\uXXXX". */
static gboolean
is_hex_prefix (const guchar *p,
               const guchar *end)
{
  if (end - p >= 4)
    return FALSE;

  for (; p < end; p++)
    if (hex_value (*p) < 0)
      return FALSE;

  return TRUE;
}

/* The length of the valid UTF-8 sequence at @p (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF), 0 if it is invalid, or -1 if the
 * input ends inside it. */
static inline int
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  guchar low = 0x80, high = 0xbf;
  int n;

  if (c < 0xc2)
    return 0;
  else if (c < 0xe0)
    n = 2;
  else if (c < 0xf0)
    {
      n = 3;
      if (c == 0xe0)
        low = 0xa0;
      else if (c == 0xed)
        high = 0x9f;
    }
  else if (c < 0xf5)
    {
      n = 4;
      if (c == 0xf0)
        low = 0x90;
      else if (c == 0xf4)
        high = 0x8f;
    }
  else
    return 0;

  for (int i = 1; i < n; i++)
    {
      if (p + i >= end)
        return -1;
      if (p[i] < (i == 1 ? low : 0x80) || p[i] > (i == 1 ? high : 0xbf))
        return 0;
    }

  return n;
}

/* Reads the string at r->p (on its opening quote) into the text buffer. */
static gboolean
read_string (Reader  *r,
             guint32 *offset,
             guint32 *length)
{
  const guchar *p = r->p + 1;
  const guchar *end = r->end;
  char *out = r->text + r->text_len;
  char *o = out;

  for (;;)
    {
      guchar c;

      while (p < end && plain_byte[*p])
        *o++ = (char) *p++;

      if (p >= end)
        {
          r->p = p;
          fail_truncated (r, TRUE);
          return FALSE;
        }

      c = *p;
      if (c == '"')
        {
          p++;
          break;
        }
      else if (c == '\\')
        {
          int unit;

          if (p + 1 >= end)
            {
              r->p = end;
              fail_truncated (r, TRUE);
              return FALSE;
            }

          switch (p[1])
            {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '/': *o++ = '/'; break;
            case 'b': *o++ = '\b'; break;
            case 'f': *o++ = '\f'; break;
            case 'n': *o++ = '\n'; break;
            case 'r': *o++ = '\r'; break;
            case 't': *o++ = '\t'; break;
            case 'u':
              unit = read_hex4 (p + 2, end);
              if (unit < 0 && is_hex_prefix (p + 2, end))
                {
                  r->p = end;
                  fail_truncated (r, TRUE);
                  return FALSE;
                }
              if (unit < 0)
                {
                  r->p = p;
                  reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, TRUE, TRUE,
                               _("invalid \\u escape in a string"));
                  return FALSE;
                }
              p += 4;
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  int low = -1;

                  /* Emoji arrive as UTF-16 surrogate pairs: "\ud83d\ude00". */
                  if (end - p >= 8 && p[2] == '\\' && p[3] == 'u')
                    low = read_hex4 (p + 4, end);

                  if (low >= 0xdc00 && low <= 0xdfff)
                    {
                      unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                      p += 6;
                    }
                  else
                    {
                      unit = 0xfffd;
                      reader_warn (r, _("a lone UTF-16 surrogate in a string was replaced by "
                                        "U+FFFD"));
                    }
                }
              else if (unit >= 0xdc00 && unit <= 0xdfff)
                {
                  unit = 0xfffd;
                  reader_warn (r, _("a lone UTF-16 surrogate in a string was replaced by U+FFFD"));
                }
              o += g_unichar_to_utf8 ((gunichar) unit, o);
              break;
            default:
              r->p = p;
              reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, TRUE, TRUE,
                           _("invalid escape in a string"));
              return FALSE;
            }
          p += 2;
        }
      else if (c < 0x20)
        {
          /* JSON forbids raw control characters in strings, but a raw tab or
           * line break has an obvious reading; text cleaning removes the rest
           * later. Only a NUL byte means this is not text. */
          if (c == 0)
            {
              r->p = p;
              reader_fail (r, OC3_SCHEDULE_ERROR_ENCODING, TRUE, TRUE,
                           _("a NUL byte in a string"));
              return FALSE;
            }
          *o++ = (char) c;
          p++;
        }
      else
        {
          int n = utf8_sequence (p, end);

          if (n < 0)
            {
              r->p = end;
              fail_truncated (r, TRUE);
              return FALSE;
            }
          if (n == 0)
            {
              r->p = p;
              reader_fail (r, OC3_SCHEDULE_ERROR_ENCODING, TRUE, TRUE,
                           _("invalid UTF-8 in a string"));
              return FALSE;
            }
          memcpy (o, p, n);
          o += n;
          p += n;
        }

      if G_UNLIKELY (o - out > OC3_SCHEDULE_MAX_STRING_SIZE)
        break;
    }

  if (o - out > OC3_SCHEDULE_MAX_STRING_SIZE)
    {
      reader_fail (r, OC3_SCHEDULE_ERROR_TOO_LARGE, TRUE, FALSE,
                   _("a string longer than %d bytes"), OC3_SCHEDULE_MAX_STRING_SIZE);
      return FALSE;
    }

  *o++ = '\0';
  *offset = (guint32) r->text_len;
  *length = (guint32) (o - out - 1);
  r->text_len += o - out;
  r->p = p;

  return TRUE;
}

static inline gboolean
is_delimiter (const guchar *p,
              const guchar *end)
{
  return p >= end || *p == ',' || *p == ']' || *p == '}' ||
         *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';
}

static gboolean
read_number (Reader  *r,
             guint32  node)
{
  const guchar *p = r->p;
  const guchar *end = r->end;
  gboolean valid = TRUE;

  if (*p == '-')
    p++;

  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    valid = FALSE;

  if (valid && p < end && *p == '.')
    {
      p++;
      valid = p < end && g_ascii_isdigit (*p);
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (valid && p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      valid = p < end && g_ascii_isdigit (*p);
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (!valid || !is_delimiter (p, end))
    {
      if (p >= end)
        {
          r->p = p;
          fail_truncated (r, TRUE);
        }
      else
        reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, TRUE, TRUE, _("invalid number"));
      return FALSE;
    }

  r->nodes[node].offset = (guint32) r->text_len;
  r->nodes[node].length = (guint32) (p - r->p);
  memcpy (r->text + r->text_len, r->p, p - r->p);
  r->text_len += p - r->p;
  r->text[r->text_len++] = '\0';
  r->p = p;

  return TRUE;
}

static gboolean
read_literal (Reader     *r,
              const char *word,
              guint32     node)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len)
    {
      if (memcmp (r->p, word, r->end - r->p) == 0)
        {
          r->p = r->end;
          fail_truncated (r, TRUE);
        }
      else
        reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, TRUE, TRUE, _("invalid literal"));
      return FALSE;
    }

  if (memcmp (r->p, word, len) != 0 || !is_delimiter (r->p + len, r->end))
    {
      reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, TRUE, TRUE, _("invalid literal"));
      return FALSE;
    }

  r->p += len;
  r->nodes[node].offset = 0;

  return TRUE;
}

static void
close_container (Reader *r)
{
  Frame *frame = &r->frames[--r->depth];

  r->nodes[frame->node].length = frame->count;
  r->nodes[frame->node].end = r->n_nodes;
}

/* Rejects input that is plainly something other than JSON, with a message a
 * person can act on. */
static gboolean
check_start (Reader *r)
{
  gsize left;

  if (r->end - r->p >= 2 &&
      ((r->p[0] == 0xff && r->p[1] == 0xfe) || (r->p[0] == 0xfe && r->p[1] == 0xff)))
    {
      reader_fail (r, OC3_SCHEDULE_ERROR_ENCODING, FALSE, FALSE,
                   _("the input is UTF-16, not UTF-8"));
      return FALSE;
    }

  /* A UTF-8 byte order mark is pointless but harmless. */
  if (r->end - r->p >= 3 && memcmp (r->p, "\xef\xbb\xbf", 3) == 0)
    r->p += 3;

  skip_space (r);
  left = r->end - r->p;

  if (left == 0)
    {
      reader_fail (r, OC3_SCHEDULE_ERROR_EMPTY, FALSE, FALSE, _("the input is empty"));
      return FALSE;
    }

  if (*r->p == '<')
    {
      if ((left >= 5 && g_ascii_strncasecmp ((const char *) r->p, "<?xml", 5) == 0) ||
          (left >= 9 && g_ascii_strncasecmp ((const char *) r->p, "<schedule", 9) == 0))
        reader_fail (r, OC3_SCHEDULE_ERROR_NOT_JSON, FALSE, FALSE,
                     _("not JSON but XML (a Pentabarf schedule.xml?)"));
      else
        reader_fail (r, OC3_SCHEDULE_ERROR_NOT_JSON, FALSE, FALSE,
                     _("not JSON but an HTML page (from a captive portal or a web server error?)"));
      return FALSE;
    }

  if (*r->p != '{' && *r->p != '[' && *r->p != '"' && *r->p != '-' &&
      !g_ascii_isdigit (*r->p) && *r->p != 't' && *r->p != 'f' && *r->p != 'n')
    {
      g_autofree char *here = describe_here (r);

      reader_fail (r, OC3_SCHEDULE_ERROR_NOT_JSON, FALSE, TRUE,
                   _("not JSON: it starts with %s"), here);
      return FALSE;
    }

  return TRUE;
}

typedef enum {
  WANT_VALUE,
  WANT_KEY,
  AFTER_VALUE,
} State;

static gboolean
read_document (Reader *r)
{
  State state = WANT_VALUE;

  if (!check_start (r))
    return FALSE;

  for (;;)
    {
      Frame *top = r->depth > 0 ? &r->frames[r->depth - 1] : NULL;
      guint32 node;

      skip_space (r);

      switch (state)
        {
        case WANT_VALUE:
          if (top != NULL && r->nodes[top->node].kind == OC3_JSON_ARRAY)
            top->count++;

          if (r->p >= r->end)
            {
              fail_truncated (r, TRUE);
              return FALSE;
            }

          switch (*r->p)
            {
            case '{':
            case '[':
              if (r->depth == OC3_SCHEDULE_MAX_DEPTH)
                {
                  reader_fail (r, OC3_SCHEDULE_ERROR_TOO_DEEP, TRUE, FALSE,
                               _("arrays and objects nested deeper than %d levels"),
                               OC3_SCHEDULE_MAX_DEPTH);
                  return FALSE;
                }
              if (!add_node (r, *r->p == '{' ? OC3_JSON_OBJECT : OC3_JSON_ARRAY, &node))
                return FALSE;
              r->frames[r->depth++] = (Frame) { node, 0, OC3_JSON_NONE };
              r->p++;
              skip_space (r);
              if (r->p < r->end && *r->p == (r->nodes[node].kind == OC3_JSON_OBJECT ? '}' : ']'))
                {
                  r->p++;
                  close_container (r);
                  state = AFTER_VALUE;
                }
              else
                state = r->nodes[node].kind == OC3_JSON_OBJECT ? WANT_KEY : WANT_VALUE;
              continue;

            case '"':
              if (!add_node (r, OC3_JSON_STRING, &node) ||
                  !read_string (r, &r->nodes[node].offset, &r->nodes[node].length))
                return FALSE;
              break;

            case '-': case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
              if (!add_node (r, OC3_JSON_NUMBER, &node) || !read_number (r, node))
                return FALSE;
              break;

            case 't':
              if (!add_node (r, OC3_JSON_TRUE, &node) || !read_literal (r, "true", node))
                return FALSE;
              break;

            case 'f':
              if (!add_node (r, OC3_JSON_FALSE, &node) || !read_literal (r, "false", node))
                return FALSE;
              break;

            case 'n':
              if (!add_node (r, OC3_JSON_NULL, &node) || !read_literal (r, "null", node))
                return FALSE;
              break;

            default:
              {
                g_autofree char *here = describe_here (r);

                reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, TRUE, TRUE,
                             _("unexpected %s, expected a value"), here);
                return FALSE;
              }
            }
          state = AFTER_VALUE;
          break;

        case WANT_KEY:
          if (r->p >= r->end)
            {
              fail_truncated (r, FALSE);
              return FALSE;
            }
          if (*r->p != '"')
            {
              fail_unexpected (r, OC3_SCHEDULE_ERROR_SYNTAX, _("a member name in double quotes"));
              return FALSE;
            }
          top->count++;
          top->key = OC3_JSON_NONE;
          if (!add_node (r, OC3_JSON_STRING, &node) ||
              !read_string (r, &r->nodes[node].offset, &r->nodes[node].length))
            return FALSE;
          top->key = node;
          skip_space (r);
          if (r->p >= r->end)
            {
              fail_truncated (r, TRUE);
              return FALSE;
            }
          if (*r->p != ':')
            {
              fail_unexpected (r, OC3_SCHEDULE_ERROR_SYNTAX, "\":\"");
              return FALSE;
            }
          r->p++;
          state = WANT_VALUE;
          break;

        case AFTER_VALUE:
          if (top == NULL)
            {
              if (r->p < r->end)
                {
                  g_autofree char *here = describe_here (r);

                  reader_fail (r, OC3_SCHEDULE_ERROR_SYNTAX, FALSE, TRUE,
                               _("unexpected %s after the end of the JSON value"), here);
                  return FALSE;
                }
              return TRUE;
            }

          if (r->p >= r->end)
            {
              fail_truncated (r, FALSE);
              return FALSE;
            }

          if (r->nodes[top->node].kind == OC3_JSON_OBJECT)
            {
              if (*r->p == ',')
                state = WANT_KEY;
              else if (*r->p == '}')
                close_container (r);
              else
                {
                  fail_unexpected (r, OC3_SCHEDULE_ERROR_SYNTAX, "\",\" or \"}\"");
                  return FALSE;
                }
            }
          else
            {
              if (*r->p == ',')
                state = WANT_VALUE;
              else if (*r->p == ']')
                close_container (r);
              else
                {
                  fail_unexpected (r, OC3_SCHEDULE_ERROR_SYNTAX, "\",\" or \"]\"");
                  return FALSE;
                }
            }
          r->p++;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * oc3_json_document_parse:
 * @data: the JSON text
 * @length: its length in bytes
 * @warnings: (nullable) (element-type utf8): where to add warnings
 * @error: return location for an %OC3_SCHEDULE_ERROR
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
Oc3JsonDocument *
oc3_json_document_parse (const char  *data,
                         gsize        length,
                         GPtrArray   *warnings,
                         GError     **error)
{
  Reader r = { 0 };
  Oc3JsonDocument *doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.start = r.p = (const guchar *) (data != NULL ? data : "");
  r.end = r.start + length;
  r.warnings = warnings;
  r.error = error;

  if (length > OC3_SCHEDULE_MAX_INPUT_SIZE)
    {
      g_set_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TOO_LARGE,
                   _("(root): the input is larger than %d MiB"),
                   OC3_SCHEDULE_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Decoded strings and numbers, each with its NUL, never take more room
   * than their JSON source: a string's quotes pay for its NUL, and every
   * number but a lone top-level one is followed by a delimiter. */
  r.text = g_malloc (length + 2);
  r.n_alloc = (guint32) MIN (length / 32 + 64, OC3_SCHEDULE_MAX_VALUES);
  r.nodes = g_new (Oc3JsonNode, r.n_alloc);

  if (!read_document (&r))
    {
      g_free (r.text);
      g_free (r.nodes);
      return NULL;
    }

  doc = g_new0 (Oc3JsonDocument, 1);
  doc->nodes = r.nodes;
  doc->n_nodes = r.n_nodes;
  doc->text = r.text;

  return doc;
}
