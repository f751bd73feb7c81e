/* oc3-ical-writer.c — starred talks as an iCalendar (RFC 5545) file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-ical-writer.h"

/* RFC 5545 3.1: content lines are at most 75 octets, not counting the CRLF;
 * longer ones continue on lines that begin with a space. */
#define MAX_LINE_OCTETS 75

/**
 * oc3_ical_writer_escape_text:
 * @text: a value of type TEXT
 *
 * Escapes @text as RFC 5545 3.3.11 asks: backslash, semicolon and comma get a
 * backslash, line breaks (LF, CRLF or CR) become "\n". Other control
 * characters, which TEXT may not contain, are dropped; invalid UTF-8 is
 * replaced.
 *
 * Returns: (transfer full): the escaped text
 */
char *
oc3_ical_writer_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 16);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;

        case ';':
          g_string_append (out, "\\;");
          break;

        case ',':
          g_string_append (out, "\\,");
          break;

        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\t':
          g_string_append_c (out, '\t');
          break;

        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* How many octets the folding must keep together at @p: one UTF-8 character,
 * or a backslash escape with the character it escapes (RFC 5545 allows a
 * fold there, but some readers unescape before they unfold). */
static gsize
unit_length (const char *p)
{
  gsize length = (gsize) g_utf8_skip[(guchar) *p];

  if (*p == '\\' && p[1] != '\0')
    length += (gsize) g_utf8_skip[(guchar) p[1]];

  return length;
}

/**
 * oc3_ical_writer_append_line:
 * @out: where to append
 * @line: a content line without line end, in valid UTF-8
 *
 * Appends @line folded at 75 octets, never inside a UTF-8 character, with
 * CRLF line ends.
 */
void
oc3_ical_writer_append_line (GString    *out,
                             const char *line)
{
  gsize width = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL);

  for (const char *p = line; *p != '\0';)
    {
      gsize length = unit_length (p);

      /* A truncated character at the very end (not valid UTF-8) must not
       * make the loop read past the terminator. */
      length = MIN (length, strlen (p));

      if (width + length > MAX_LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }

      g_string_append_len (out, p, (gssize) length);
      width += length;
      p += length;
    }

  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  oc3_ical_writer_append_line (out, line);
}

static void
append_text_property (GString    *out,
                      const char *name,
                      const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  escaped = oc3_ical_writer_escape_text (text);
  append_property (out, name, escaped);
}

/* A URI is not TEXT: it is written as it is, without escapes, but without
 * the control characters no content line may hold. */
static void
append_uri_property (GString    *out,
                     const char *name,
                     const char *uri)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (uri == NULL || *uri == '\0')
    return;

  valid = g_utf8_make_valid (uri, -1);
  clean = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 && *p != 0x7f)
      g_string_append_c (clean, *p);

  if (clean->len > 0)
    append_property (out, name, clean->str);
  g_string_free (clean, TRUE);
}

static void
append_date_time_property (GString    *out,
                           const char *name,
                           GDateTime  *date_time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (date_time == NULL)
    return;

  /* UTC ("…Z", RFC 5545 form #2): no VTIMEZONE needed, and every reader
   * agrees on the instant, also for times that DST makes ambiguous. */
  utc = g_date_time_to_utc (date_time);
  text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  append_property (out, name, text);
}

/**
 * oc3_ical_writer_write:
 * @events: (array length=n_events): the talks
 * @n_events: how many
 * @stamp: (nullable): the DTSTAMP of every event; %NULL for now
 * @length: (out) (optional): the length of the result
 *
 * Returns: (transfer full): a VCALENDAR with one VEVENT for each talk
 */
char *
oc3_ical_writer_write (const Oc3IcalEvent *events,
                       gsize               n_events,
                       GDateTime          *stamp,
                       gsize              *length)
{
  g_autoptr (GDateTime) now = NULL;
  GString *out;

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();

  out = g_string_new (NULL);
  append_property (out, "BEGIN", "VCALENDAR");
  append_property (out, "VERSION", "2.0");
  append_property (out, "PRODID", "-//OC3//OC3 " PACKAGE_VERSION "//EN");
  append_property (out, "CALSCALE", "GREGORIAN");
  append_property (out, "METHOD", "PUBLISH");

  for (gsize i = 0; i < n_events; i++)
    {
      const Oc3IcalEvent *event = &events[i];
      g_autofree char *uid = NULL;

      g_return_val_if_fail (event->uid != NULL && event->start != NULL, NULL);

      /* A GUID alone is unique, but RFC 5545 recommends a domain part. */
      uid = g_strconcat (event->uid, "@oc3", NULL);

      append_property (out, "BEGIN", "VEVENT");
      append_text_property (out, "UID", uid);
      append_date_time_property (out, "DTSTAMP", stamp);
      append_date_time_property (out, "DTSTART", event->start);
      append_date_time_property (out, "DTEND", event->end);
      append_text_property (out, "SUMMARY", event->summary);
      append_text_property (out, "LOCATION", event->location);
      append_text_property (out, "DESCRIPTION", event->description);
      append_uri_property (out, "URL", event->url);
      append_property (out, "END", "VEVENT");
    }

  append_property (out, "END", "VCALENDAR");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
