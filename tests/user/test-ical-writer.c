/* test-ical-writer.c — RFC 5545 escaping and line folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-ical-writer.h"

static void
test_escape (void)
{
  const struct {
    const char *text;
    const char *escaped;
  } cases[] = {
    { "plain", "plain" },
    { "a,b;c\\d", "a\\,b\\;c\\\\d" },
    { "one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour" },
    /* A backslash followed by "n" is not a line break. */
    { "C:\\new", "C:\\\\new" },
    { "tab\tkept, bell\a and escape\x1b dropped", "tab\tkept\\, bell and escape dropped" },
    { "Ünïcödé 🔐, ok", "Ünïcödé 🔐\\, ok" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = oc3_ical_writer_escape_text (cases[i].text);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
test_escape_invalid_utf8 (void)
{
  g_autofree char *escaped = oc3_ical_writer_escape_text ("bad \xff\xfe bytes");

  g_assert_true (g_utf8_validate (escaped, -1, NULL));
  g_assert_true (g_str_has_prefix (escaped, "bad "));
  g_assert_true (g_str_has_suffix (escaped, " bytes"));
}

/* Checks the folding rules on @folded and returns the unfolded line. */
static char *
check_folded (const char *folded,
              GPtrArray  *physical)
{
  g_auto (GStrv) lines = NULL;
  GString *unfolded = g_string_new (NULL);
  guint n;

  g_assert_true (g_str_has_suffix (folded, "\r\n"));
  lines = g_strsplit (folded, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = lines[i];

      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      /* Each physical line is valid UTF-8 on its own: no character split. */
      g_assert_true (g_utf8_validate (line, -1, NULL));
      if (i > 0)
        {
          g_assert_cmpint (line[0], ==, ' ');
          line++;
        }
      g_string_append (unfolded, line);
      if (physical != NULL)
        g_ptr_array_add (physical, g_strdup (lines[i]));
    }

  return g_string_free (unfolded, FALSE);
}

static char *
fold (const char *line,
      GPtrArray  *physical)
{
  g_autoptr (GString) out = g_string_new (NULL);
  char *unfolded;

  oc3_ical_writer_append_line (out, line);
  unfolded = check_folded (out->str, physical);
  g_assert_cmpstr (unfolded, ==, line);

  return unfolded;
}

static void
test_fold_ascii (void)
{
  g_autofree char *exact = g_strnfill (75, 'a');
  g_autofree char *longer = g_strnfill (76, 'b');
  g_autofree char *very_long = g_strnfill (400, 'c');
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  a = fold (exact, lines);
  g_assert_cmpuint (lines->len, ==, 1);

  g_ptr_array_set_size (lines, 0);
  b = fold (longer, lines);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (strlen (g_ptr_array_index (lines, 0)), ==, 75);
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, " b");

  /* Continuation lines hold 74 octets after their space. */
  g_ptr_array_set_size (lines, 0);
  c = fold (very_long, lines);
  g_assert_cmpuint (lines->len, ==, 6);
  for (guint i = 0; i + 1 < lines->len; i++)
    g_assert_cmpuint (strlen (g_ptr_array_index (lines, i)), ==, 75);
}

/* A 2-, 3- or 4-octet character at every position around the fold. */
static void
test_fold_multibyte_boundary (void)
{
  const char *characters[] = { "é", "€", "🔐", "👩‍💻" };

  for (guint c = 0; c < G_N_ELEMENTS (characters); c++)
    for (guint prefix = 68; prefix <= 76; prefix++)
      {
        g_autofree char *ascii = g_strnfill (prefix, 'x');
        g_autofree char *line = g_strconcat (ascii, characters[c], characters[c], "tail", NULL);
        g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *unfolded = fold (line, lines);
        gsize first = strlen (g_ptr_array_index (lines, 0));

        /* The fold comes as late as it can without splitting a character
         * (a UTF-8 character has at most 4 octets). */
        g_assert_cmpuint (first, <=, 75);
        g_assert_cmpuint (first + 4, >, 75);
      }

  /* The exact case of the brief: 74 octets, then a 2-octet character. */
  {
    g_autofree char *ascii = g_strnfill (74, 'x');
    g_autofree char *line = g_strconcat (ascii, "é", NULL);
    g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *unfolded = fold (line, lines);

    g_assert_cmpuint (lines->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, ascii);
    g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, " é");
  }
}

/* An escape and what it escapes stay together. */
static void
test_fold_escape_pair (void)
{
  g_autofree char *ascii = g_strnfill (74, 'x');
  g_autofree char *line = g_strconcat (ascii, "\\,rest", NULL);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *unfolded = fold (line, lines);

  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, ascii);
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, " \\,rest");
}

static void
test_write (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) start = g_date_time_new (berlin, 2024, 3, 31, 3, 30, 0);
  g_autoptr (GDateTime) end = g_date_time_new (berlin, 2024, 3, 31, 4, 0, 0);
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);
  const Oc3IcalEvent events[] = {
    {
      .uid = "guid-1",
      .summary = "Keys, locks; and \\ more",
      .location = "Room 1",
      .description = "Line one\nLine two",
      .url = "https://oc3.example/talk?a=1,2;b",
      .start = start,
      .end = end,
    },
    {
      .uid = "guid-2",
      .summary = "No extras",
      .start = start,
    },
  };
  g_autofree char *ics = NULL;
  gsize length;

  ics = oc3_ical_writer_write (events, G_N_ELEMENTS (events), stamp, &length);
  g_assert_cmpuint (length, ==, strlen (ics));
  g_assert_cmpstr (ics, ==,
                   "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//OC3//OC3 " PACKAGE_VERSION "//EN\r\n"
                   "CALSCALE:GREGORIAN\r\n"
                   "METHOD:PUBLISH\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:guid-1@oc3\r\n"
                   "DTSTAMP:20240301T120000Z\r\n"
                   "DTSTART:20240331T013000Z\r\n"
                   "DTEND:20240331T020000Z\r\n"
                   "SUMMARY:Keys\\, locks\\; and \\\\ more\r\n"
                   "LOCATION:Room 1\r\n"
                   "DESCRIPTION:Line one\\nLine two\r\n"
                   "URL:https://oc3.example/talk?a=1,2;b\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:guid-2@oc3\r\n"
                   "DTSTAMP:20240301T120000Z\r\n"
                   "DTSTART:20240331T013000Z\r\n"
                   "SUMMARY:No extras\r\n"
                   "END:VEVENT\r\n"
                   "END:VCALENDAR\r\n");
}

static void
test_write_empty (void)
{
  g_autofree char *ics = oc3_ical_writer_write (NULL, 0, NULL, NULL);

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (ics, "METHOD:PUBLISH\r\nEND:VCALENDAR\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/escape", test_escape);
  g_test_add_func ("/ical/escape-invalid-utf8", test_escape_invalid_utf8);
  g_test_add_func ("/ical/fold/ascii", test_fold_ascii);
  g_test_add_func ("/ical/fold/multibyte-boundary", test_fold_multibyte_boundary);
  g_test_add_func ("/ical/fold/escape-pair", test_fold_escape_pair);
  g_test_add_func ("/ical/write", test_write);
  g_test_add_func ("/ical/write-empty", test_write_empty);

  return g_test_run ();
}
