/* oc3-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-text.h"

/* Characters that surround text by accident: white space, and the invisible
 * zero-width space and byte order mark that copy and paste leaves behind. */
static inline gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200b || c == 0xfeff;
}

/* Bytes that may need cleaning: C0 controls and DEL, and the lead bytes of
 * C1 controls (U+0080–U+009F) and of U+2028 and U+2029. */
static const guint8 special[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  [0x7f] = 1,
  [0xc2] = 1,
  [0xe2] = 1,
};

/**
 * oc3_text_clean:
 * @text: valid UTF-8
 * @length: its length in bytes, or -1 if it is NUL-terminated
 *
 * Cleans text from a schedule on the way in: removes control characters
 * (C0, DEL and C1) but for line feeds and tabs, turns "\r\n", "\r" and
 * U+2028 LINE SEPARATOR into "\n" and U+2029 PARAGRAPH SEPARATOR into "\n\n",
 * and trims white space from both ends. HTML and Markdown are left alone:
 * whoever shows the text decides how to render or escape it.
 *
 * Returns: (transfer full): the cleaned text, possibly empty
 */
char *
oc3_text_clean (const char *text,
                gssize      length)
{
  const guchar *p;
  const guchar *end;
  char *out;
  char *o;
  char *first;
  char *last;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  p = (const guchar *) text;
  end = p + length;
  /* The output is never longer than the input: the only expansion, U+2029
   * to two line feeds, turns three bytes into two. */
  out = o = g_malloc (length + 1);

  while (p < end)
    {
      guchar c = *p;

      if (!special[c])
        {
          const guchar *run = p;

          /* Most text has nothing to clean: copy it in runs. */
          while (p < end && !special[*p])
            p++;
          memcpy (o, run, p - run);
          o += p - run;
        }
      else if (c == '\n' || c == '\t')
        *o++ = (char) *p++;
      else if (c == '\r')
        {
          *o++ = '\n';
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (c < 0x80)
        p++;
      else if (c == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f)
        p += 2;
      else if (c == 0xe2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
        {
          *o++ = '\n';
          if (p[2] == 0xa9)
            *o++ = '\n';
          p += 3;
        }
      else
        *o++ = (char) *p++;
    }
  *o = '\0';

  first = out;
  while (*first)
    {
      gunichar c = g_utf8_get_char_validated (first, o - first);

      if (c >= 0xfffffffe || !is_trimmable (c))
        break;
      first = g_utf8_next_char (first);
    }

  last = o;
  while (last > first)
    {
      char *prev = g_utf8_find_prev_char (first, last);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char_validated (prev, last - prev);
      if (c >= 0xfffffffe || !is_trimmable (c))
        break;
      last = prev;
    }
  *last = '\0';

  if (first != out)
    memmove (out, first, last - first + 1);

  return out;
}
