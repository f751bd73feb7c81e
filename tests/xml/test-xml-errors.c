/* test-xml-errors.c — malformed and hostile schedule.xml: an exact error, fast,
 * never a crash, hang, leak, file read or connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "oc3-schedule.h"
#include "test-util.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define CONFERENCE "<conference><acronym>t</acronym><title>T</title></conference>"

/* A schedule around one event in room "Janson" on the first day, whose
 * path is EVENT_PATH. */
#define EVENT(children) \
  HEAD "<schedule>" CONFERENCE "<day index=\"1\" date=\"2024-02-03\"><room name=\"Janson\">" \
  "<event id=\"1\" guid=\"g-1\">" children "</event></room></day></schedule>"
#define EVENT_PATH "schedule/day[1]/room[@name=\"Janson\"]/event[1]"

#define TRUNCATED "unexpected end of input (is the file truncated?)"

typedef struct {
  const char       *name;
  const char       *input;
  /* For inputs with NUL bytes; 0 means strlen (input). */
  gsize             length;
  /* Or made by a function, for inputs too large to write down. */
  GBytes         *(*make) (void);
  Oc3ScheduleError  code;
  /* The message, or its start where the rest is libxml2's words. */
  const char       *message;
  gboolean          prefix_only;
} ErrorCase;

static GBytes *
make_deep (void)
{
  GString *s = g_string_new (HEAD "<schedule>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<a>");

  return g_string_free_to_bytes (s);
}

static char *
deep_path (void)
{
  GString *s = g_string_new ("schedule");

  /* The schedule and 63 elements are 64 levels; the next one is refused. */
  for (guint i = 0; i < 64; i++)
    g_string_append (s, "/a");

  return g_string_free (s, FALSE);
}

static GBytes *
make_huge (void)
{
  gsize n = OC3_SCHEDULE_MAX_INPUT_SIZE + 1;
  char *data = memset (g_malloc (n), ' ', n);

  memcpy (data, HEAD, strlen (HEAD));

  return g_bytes_new_take (data, n);
}

static GBytes *
make_many_attributes (void)
{
  GString *s = g_string_new (HEAD "<schedule>\n  <conference");

  for (guint i = 0; i <= 64; i++)
    g_string_append_printf (s, " a%u=\"x\"", i);
  g_string_append (s, "/></schedule>");

  return g_string_free_to_bytes (s);
}

static GBytes *
make_many_talks (void)
{
  GString *s = g_string_new (HEAD "<schedule>" CONFERENCE "<day><room name=\"R\">");

  for (guint i = 0; i <= OC3_SCHEDULE_MAX_TALKS; i++)
    g_string_append (s, "<event/>");
  g_string_append (s, "</room></day></schedule>");

  return g_string_free_to_bytes (s);
}

static GBytes *
make_many_elements (void)
{
  GString *s = g_string_new (HEAD "<schedule>");

  for (guint i = 0; i < 500000; i++)
    g_string_append (s, "<x/>");
  g_string_append (s, "</schedule>");

  return g_string_free_to_bytes (s);
}

/* The example of the brief: the fourth event in Janson on the second day. */
static GBytes *
make_bad_start (void)
{
  GString *s = g_string_new (HEAD "<schedule>" CONFERENCE);

  for (guint day = 1; day <= 2; day++)
    {
      g_string_append_printf (s, "<day index=\"%u\" date=\"2024-02-0%u\">"
                              "<room name=\"K.1.105\"><event id=\"k%u\"><start>10:00</start>"
                              "<duration>00:30</duration></event></room>"
                              "<room name=\"Janson\">", day, day + 2, day);
      for (guint i = 1; i <= 5; i++)
        g_string_append_printf (s, "<event id=\"%u-%u\"><start>%s</start>"
                                "<duration>00:30</duration></event>",
                                day, i, day == 2 && i == 4 ? "25:99" : "10:00");
      g_string_append (s, "</room></day>");
    }
  g_string_append (s, "</schedule>");

  return g_string_free_to_bytes (s);
}

static const ErrorCase error_cases[] = {
  /* Not well-formed. */
  { "not-xml", HEAD "<schedule><conference>&</conference></schedule>", 0, NULL,
    OC3_SCHEDULE_ERROR_SYNTAX, "schedule/conference: not well-formed XML: ", TRUE },
  { "mismatched-tags", HEAD "<schedule><conference></schedule>", 0, NULL,
    OC3_SCHEDULE_ERROR_SYNTAX, "schedule/conference: not well-formed XML: ", TRUE },
  { "trailing-garbage", HEAD "<schedule>" CONFERENCE "</schedule>\n<schedule/>", 0, NULL,
    OC3_SCHEDULE_ERROR_SYNTAX, "(root): not well-formed XML: ", TRUE },
  { "undefined-entity", HEAD "<schedule><conference><title>&nbsp;</title></conference></schedule>",
    0, NULL, OC3_SCHEDULE_ERROR_SYNTAX, "schedule/conference/title: not well-formed XML: ", TRUE },
  { "invalid-utf-8", HEAD "<schedule><conference><title>\xff</title></conference></schedule>", 0,
    NULL, OC3_SCHEDULE_ERROR_ENCODING, "schedule/conference/title: not well-formed XML: ", TRUE },
  { "nul-byte", HEAD "<schedule>a\0b</schedule>", sizeof (HEAD "<schedule>a\0b</schedule>") - 1,
    NULL, OC3_SCHEDULE_ERROR_ENCODING, "schedule: not well-formed XML: ", TRUE },
  { "unknown-encoding", "<?xml version=\"1.0\" encoding=\"X-KLINGON\"?><schedule/>", 0, NULL,
    OC3_SCHEDULE_ERROR_ENCODING, "(root): not well-formed XML: ", TRUE },

  /* Cut off. */
  { "truncated-in-text", HEAD "<schedule>\n<conference><title>FOSD", 0, NULL,
    OC3_SCHEDULE_ERROR_TRUNCATED, "schedule/conference/title: " TRUNCATED, FALSE },
  { "truncated-in-tag", HEAD "<schedule><day index=\"1\" date=\"2024", 0, NULL,
    OC3_SCHEDULE_ERROR_TRUNCATED, "schedule: " TRUNCATED, FALSE },
  { "truncated-in-end-tag", HEAD "<schedule>" CONFERENCE "</sched", 0, NULL,
    OC3_SCHEDULE_ERROR_TRUNCATED, "schedule: " TRUNCATED, FALSE },
  { "truncated-in-character", HEAD "<schedule><conference><title>Zo\xc3", 0, NULL,
    OC3_SCHEDULE_ERROR_TRUNCATED, "schedule/conference/title: " TRUNCATED, FALSE },
  { "declaration-only", HEAD, 0, NULL, OC3_SCHEDULE_ERROR_TRUNCATED, "(root): " TRUNCATED,
    FALSE },

  /* Absurd sizes and depths. */
  { "nested-100000-deep", NULL, 0, make_deep, OC3_SCHEDULE_ERROR_TOO_DEEP, NULL, FALSE },
  { "input-over-64-mib", NULL, 0, make_huge, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "(root): the input is larger than 64 MiB", FALSE },
  { "65-attributes", NULL, 0, make_many_attributes, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "(root): a start tag with more than 64 attributes (line 3, column 3)", FALSE },
  { "over-100000-talks", NULL, 0, make_many_talks, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "schedule/day[1]/room[@name=\"R\"]/event[100001]: more than 100000 talks", FALSE },
  { "over-500000-elements", NULL, 0, make_many_elements, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "schedule/x: more than 500000 elements and attributes (line 2, column ", TRUE },

  /* XML, but not a schedule. */
  { "wrong-root", HEAD "<rss version=\"2.0\"><channel/></rss>", 0, NULL,
    OC3_SCHEDULE_ERROR_SHAPE, "(root): not a schedule: the root element is <rss>, not <schedule>",
    FALSE },
  { "xhtml", HEAD "<html><body>Log in</body></html>", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "(root): not a schedule: the root element is <html>, not <schedule>", FALSE },
  { "empty-schedule", HEAD "<schedule></schedule>", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "schedule/conference: missing", FALSE },

  /* Values. */
  { "bad-start", NULL, 0, make_bad_start, OC3_SCHEDULE_ERROR_VALUE,
    "schedule/day[2]/room[@name=\"Janson\"]/event[4]/start: not a time: \"25:99\"", FALSE },
  { "bad-date", EVENT ("<date>2024-13-45T10:00</date><duration>00:30</duration>"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, EVENT_PATH "/date: not a date-time: \"2024-13-45T10:00\"", FALSE },
  { "date-without-time", EVENT ("<date>2024-02-03</date><duration>00:30</duration>"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, EVENT_PATH "/date: not a date-time: \"2024-02-03\"", FALSE },
  { "bad-duration", EVENT ("<start>10:00</start><duration>1h</duration>"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, EVENT_PATH "/duration: not a duration: \"1h\"", FALSE },
  { "sixty-seconds", EVENT ("<start>10:00</start><duration>00:30:60</duration>"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, EVENT_PATH "/duration: not a duration: \"00:30:60\"", FALSE },
  { "no-time", EVENT ("<title>Whenever</title>"), 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    EVENT_PATH "/date: missing, and so is “start”: the talk has no time", FALSE },
  { "start-without-day-date",
    HEAD "<schedule>" CONFERENCE "<day><room name=\"Janson\"><event><start>10:00</start>"
    "</event></room></day></schedule>", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    EVENT_PATH "/date: missing, and the day has no date to place “start” on", FALSE },
  { "bad-day-date",
    HEAD "<schedule>" CONFERENCE "<day index=\"1\" date=\"2024-02-30\"/></schedule>", 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, "schedule/day[1]/@date: not a date: \"2024-02-30\"", FALSE },
  { "bad-day-index", HEAD "<schedule>" CONFERENCE "<day index=\"two\"/></schedule>", 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, "schedule/day[1]/@index: not a whole number: \"two\"", FALSE },
  { "bad-day-start",
    HEAD "<schedule>" CONFERENCE "<day index=\"1\" start=\"tomorrow\"/></schedule>", 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, "schedule/day[1]/@start: not a date-time: \"tomorrow\"", FALSE },
  { "bad-day-change",
    HEAD "<schedule><conference><title>T</title><day_change>9am</day_change></conference>"
    "</schedule>", 0, NULL, OC3_SCHEDULE_ERROR_VALUE,
    "schedule/conference/day_change: not a time: \"9am\"", FALSE },
  { "bad-optout",
    EVENT ("<start>10:00</start><recording><optout>maybe</optout></recording>"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, EVENT_PATH "/recording/optout: not a boolean: \"maybe\"", FALSE },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autofree char *deep = NULL;
  const char *expected = error_case->message;

  if (error_case->make != NULL)
    bytes = error_case->make ();
  else
    bytes = g_bytes_new_static (error_case->input, error_case->length > 0
                                                   ? error_case->length
                                                   : strlen (error_case->input));

  conference = oc3_schedule_parse (bytes, &error);
  g_assert_null (conference);
  g_assert_error (error, OC3_SCHEDULE_ERROR, (int) error_case->code);

  if (error_case->code == OC3_SCHEDULE_ERROR_TOO_DEEP)
    {
      deep = deep_path ();
      g_assert_true (g_str_has_prefix (error->message, deep));
      g_assert_true (g_str_has_prefix (error->message + strlen (deep),
                                       ": elements nested deeper than 64 levels (line 2, column "));
    }
  else if (error_case->prefix_only)
    {
      if (!g_str_has_prefix (error->message, expected))
        g_error ("“%s” does not start with “%s”", error->message, expected);
      /* libxml2's part has no line breaks, and where it was is said. */
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_str_has_suffix (error->message, ")"));
    }
  else
    g_assert_cmpstr (error->message, ==, expected);
}

/* --- hostile documents -------------------------------------------------------------- */

static GError *
parse_quickly (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (Oc3Conference) conference = NULL;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  conference = oc3_schedule_parse (bytes, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_true ((conference == NULL) != (error == NULL));

  return error;
}

static void
test_billion_laughs (void)
{
  g_autoptr (GError) error = parse_quickly (
    HEAD
    "<!DOCTYPE schedule [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<schedule><conference><title>&lol9;</title></conference></schedule>\n");

  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "(root): entity declarations are not allowed (line 3, "));
}

/* Quadratic blowup: one big entity, referenced many times. */
static void
test_quadratic_blowup (void)
{
  g_autoptr (GString) s = g_string_new (HEAD "<!DOCTYPE schedule [<!ENTITY a \"");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (s, 'a');
  g_string_append (s, "\">]><schedule><conference><title>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (s, "&a;");
  g_string_append (s, "</title></conference></schedule>");

  error = parse_quickly (s->str);
  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_UNSAFE);
}

static void
test_external_entity (void)
{
  g_autoptr (GError) error = parse_quickly (
    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
    "<schedule><conference><title>&e;</title></conference></schedule>");

  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_UNSAFE);
  g_assert_cmpstr (error->message, ==,
                   "(root): entity declarations are not allowed (line 1, column 52)");
}

static void
test_external_parameter_entity (void)
{
  /* 192.0.2.1 is TEST-NET-1: a connection would hang, not fail. */
  g_autoptr (GError) error = parse_quickly (
    HEAD "<!DOCTYPE schedule [<!ENTITY % p SYSTEM \"http://192.0.2.1/evil.dtd\"> %p;]>\n"
    "<schedule><conference><title>T</title></conference></schedule>");

  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "(root): entity declarations are not allowed (line 2, "));
}

static void
test_attribute_default (void)
{
  g_autoptr (GError) error = parse_quickly (
    HEAD "<!DOCTYPE schedule [<!ATTLIST schedule xmlns:x CDATA \"urn:x\">]>\n"
    "<schedule><conference><title>T</title></conference></schedule>");

  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "(root): attribute declarations are not allowed (line 2, "));
}

/* A FIFO nobody writes to: opening it for reading blocks, so a parser that
 * so much as opened it would hang the test (and fail its time limit). */
static char *
make_fifo (char **dir)
{
  g_autoptr (GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("oc3-xml-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "fifo", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  return path;
}

static void
test_no_file_access (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *fifo = make_fifo (&dir);
  g_autofree char *entity = g_strdup_printf (
    "<!DOCTYPE schedule [<!ENTITY e SYSTEM \"file://%s\">]>"
    "<schedule><conference><title>&e;</title></conference></schedule>", fifo);
  g_autofree char *dtd = g_strdup_printf (
    "<!DOCTYPE schedule SYSTEM \"%s\">"
    "<schedule><conference><title>External DTD</title></conference></schedule>", fifo);
  g_autoptr (GError) error = parse_quickly (entity);
  g_autoptr (GError) no_error = NULL;

  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_UNSAFE);

  /* An external DTD is simply not loaded. */
  no_error = parse_quickly (dtd);
  g_assert_no_error (no_error);

  g_unlink (fifo);
  g_rmdir (dir);
}

/* --- damage ------------------------------------------------------------------------- */

static GBytes *
load_data_bytes (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), name, NULL);
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Every download cut short fails as truncated, never otherwise (once it
 * is long enough to be told from JSON). */
static void
test_every_prefix (void)
{
  g_autoptr (GBytes) bytes = load_data_bytes ("fosdem-style.xml");
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *last = g_strrstr (data, "</schedule>");

  g_assert_nonnull (last);
  for (gsize n = strlen ("<?xml"); n < (gsize) (last - data) + strlen ("</schedule"); n++)
    {
      g_autoptr (GBytes) prefix = g_bytes_new_static (data, n);
      g_autoptr (GError) error = NULL;
      g_autoptr (Oc3Conference) conference = oc3_schedule_parse (prefix, &error);

      g_assert_null (conference);
      if (!g_error_matches (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TRUNCATED))
        g_error ("%" G_GSIZE_FORMAT " bytes: %s", n, error->message);
    }
}

/* Random damage gives a conference or an error (whose message names a
 * path); the sanitizers watch for everything else. */
static void
test_random_damage (void)
{
  g_autoptr (GBytes) bytes = load_data_bytes ("fosdem-style.xml");
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *copy = g_memdup2 (data, length);
      g_autoptr (GBytes) damaged = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (Oc3Conference) conference = NULL;
      guint n_changes = g_test_rand_int_range (1, 4);

      for (guint i = 0; i < n_changes; i++)
        copy[g_test_rand_int_range (0, length)] = (char) g_test_rand_int_range (0, 256);

      damaged = g_bytes_new_static (copy, length);
      conference = oc3_schedule_parse (damaged, &error);
      g_assert_true ((conference == NULL) != (error == NULL));
      if (error != NULL)
        {
          g_assert_true (error->domain == OC3_SCHEDULE_ERROR);
          g_assert_nonnull (strstr (error->message, ": "));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml-errors/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/xml-errors/unsafe/billion-laughs", test_billion_laughs);
  g_test_add_func ("/xml-errors/unsafe/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/xml-errors/unsafe/external-entity", test_external_entity);
  g_test_add_func ("/xml-errors/unsafe/external-parameter-entity",
                   test_external_parameter_entity);
  g_test_add_func ("/xml-errors/unsafe/attribute-default", test_attribute_default);
  g_test_add_func ("/xml-errors/unsafe/no-file-access", test_no_file_access);
  g_test_add_func ("/xml-errors/every-prefix", test_every_prefix);
  g_test_add_func ("/xml-errors/random-damage", test_random_damage);

  return g_test_run ();
}
