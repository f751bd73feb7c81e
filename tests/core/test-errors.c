/* test-errors.c — malformed input: an exact error, never a crash, hang or leak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "oc3-schedule.h"
#include "test-util.h"

/* A schedule around one talk, whose path is TALK_PATH. */
#define TALK(event) \
  "{\"schedule\": {\"conference\": {\"title\": \"T\", \"time_zone_name\": \"UTC\", \"days\": [" \
  "{\"index\": 1, \"date\": \"2024-01-01\", \"rooms\": {\"Hall 1\": [" event "]}}]}}}"
#define TALK_PATH "schedule.conference.days[0].rooms[\"Hall 1\"][0]"

/* A schedule around one day, whose path is DAY_PATH. */
#define DAY(day) \
  "{\"schedule\": {\"conference\": {\"title\": \"T\", \"days\": [" day "]}}}"
#define DAY_PATH "schedule.conference.days[0]"

#define TRUNCATED_MESSAGE "unexpected end of input (is the file truncated?)"

typedef struct {
  const char       *name;
  const char       *input;
  /* For inputs with NUL bytes; 0 means strlen (input). */
  gsize             length;
  /* Or made by a function, for inputs too large to write down. */
  GBytes         *(*make) (void);
  Oc3ScheduleError  code;
  const char       *message;
} ErrorCase;

static GBytes *
make_deep (void)
{
  gsize n = 100000;

  return g_bytes_new_take (memset (g_malloc (n), '[', n), n);
}

static GBytes *
make_long_string (void)
{
  GString *s = g_string_new ("{\"schedule\": {\"version\": \"");

  for (guint i = 0; i <= OC3_SCHEDULE_MAX_STRING_SIZE; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "\"}}");

  return g_string_free_to_bytes (s);
}

/* Exactly the limit is still fine; the next error is the missing conference. */
static GBytes *
make_longest_string (void)
{
  GString *s = g_string_new ("{\"schedule\": {\"version\": \"");

  for (guint i = 0; i < OC3_SCHEDULE_MAX_STRING_SIZE; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "\"}}");

  return g_string_free_to_bytes (s);
}

static GBytes *
make_huge (void)
{
  gsize n = OC3_SCHEDULE_MAX_INPUT_SIZE + 1;

  return g_bytes_new_take (memset (g_malloc (n), ' ', n), n);
}

static GBytes *
make_many_talks (void)
{
  GString *s = g_string_new ("{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": {\"R\": [");

  for (guint i = 0; i <= OC3_SCHEDULE_MAX_TALKS; i++)
    g_string_append (s, i > 0 ? ",{}" : "{}");
  g_string_append (s, "]}}]}}}");

  return g_string_free_to_bytes (s);
}

/* The example from the brief: the fifth talk in "Hall 1" on the third day. */
static GBytes *
make_bad_date (void)
{
  GString *s = g_string_new ("{\"schedule\": {\"conference\": {\"title\": \"T\", \"days\": [");

  for (guint day = 0; day < 3; day++)
    {
      g_string_append_printf (s, "%s{\"index\": %u, \"date\": \"2024-03-0%u\", \"rooms\": "
                              "{\"Hall 1\": [", day > 0 ? ", " : "", day + 1, day + 1);
      for (guint i = 0; i < 5; i++)
        g_string_append_printf (s, "%s{\"guid\": \"g%u-%u\", \"date\": \"%s\", "
                                "\"duration\": \"00:30\", \"title\": \"Talk\"}",
                                i > 0 ? ", " : "", day, i,
                                day == 2 && i == 4 ? "2024-13-45T10:00"
                                                   : "2024-03-01T10:00:00+01:00");
      g_string_append (s, "]}}");
    }
  g_string_append (s, "]}}}");

  return g_string_free_to_bytes (s);
}

static const ErrorCase error_cases[] = {
  /* Not JSON at all. */
  { "empty", "", 0, NULL, OC3_SCHEDULE_ERROR_EMPTY, "(root): the input is empty" },
  { "white-space", " \n\t\r\n", 0, NULL, OC3_SCHEDULE_ERROR_EMPTY, "(root): the input is empty" },
  { "byte-order-mark-only", "\xef\xbb\xbf", 0, NULL, OC3_SCHEDULE_ERROR_EMPTY,
    "(root): the input is empty" },
  { "captive-portal", "<!DOCTYPE html>\n<html><head><title>Log in to Hotel WiFi</title></head>"
    "<body><form></form></body></html>", 0, NULL, OC3_SCHEDULE_ERROR_NOT_JSON,
    "(root): not JSON but an HTML page (from a captive portal or a web server error?)" },
  /* XML goes to the schedule.xml reader (see tests/xml). */
  { "xml", "<?xml version=\"1.0\"?>\n<schedule></schedule>", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "schedule/conference: missing" },
  { "text", "Hello, world", 0, NULL, OC3_SCHEDULE_ERROR_NOT_JSON,
    "(root): not JSON: it starts with \"H\" (line 1, column 1)" },

  /* Encodings. */
  { "utf-16", "\xff\xfe{\0}\0", 6, NULL, OC3_SCHEDULE_ERROR_ENCODING,
    "(root): the input is UTF-16, not UTF-8" },
  { "invalid-utf-8", "{\"schedule\": {\"version\": \"\xff\"}}", 0, NULL,
    OC3_SCHEDULE_ERROR_ENCODING,
    "schedule.version: invalid UTF-8 in a string (line 1, column 27)" },
  { "overlong-utf-8", "{\"schedule\": {\"version\": \"a\xc0\xaf\"}}", 0, NULL,
    OC3_SCHEDULE_ERROR_ENCODING,
    "schedule.version: invalid UTF-8 in a string (line 1, column 28)" },
  { "utf-8-surrogate", "{\"schedule\": {\"version\": \"\xed\xa0\x80\"}}", 0, NULL,
    OC3_SCHEDULE_ERROR_ENCODING,
    "schedule.version: invalid UTF-8 in a string (line 1, column 27)" },
  { "nul-byte", "{\"schedule\": {\"version\": \"a\0b\"}}", 32, NULL, OC3_SCHEDULE_ERROR_ENCODING,
    "schedule.version: a NUL byte in a string (line 1, column 28)" },

  /* Truncated downloads. */
  { "truncated-object", "{\"schedule\": {\"conference\": {\"title\": \"x\"", 0, NULL,
    OC3_SCHEDULE_ERROR_TRUNCATED, "schedule.conference: " TRUNCATED_MESSAGE },
  { "truncated-string", "{\"schedule\": {\"version\": \"1.", 0, NULL,
    OC3_SCHEDULE_ERROR_TRUNCATED, "schedule.version: " TRUNCATED_MESSAGE },
  { "truncated-value", "{\"schedule\":", 0, NULL, OC3_SCHEDULE_ERROR_TRUNCATED,
    "schedule: " TRUNCATED_MESSAGE },
  { "truncated-array", "[1,", 0, NULL, OC3_SCHEDULE_ERROR_TRUNCATED, "[1]: " TRUNCATED_MESSAGE },
  { "truncated-escape", "[\"\\u00", 0, NULL, OC3_SCHEDULE_ERROR_TRUNCATED,
    "[0]: " TRUNCATED_MESSAGE },
  { "truncated-utf-8", "[\"\xc3", 0, NULL, OC3_SCHEDULE_ERROR_TRUNCATED,
    "[0]: " TRUNCATED_MESSAGE },

  /* Malformed JSON. */
  { "trailing-comma", "{\"schedule\": {\"version\": 1,}}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "schedule: unexpected \"}\", expected a member name in double quotes (line 1, column 28)" },
  { "missing-comma", "[1 2]", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "(root): unexpected \"2\", expected \",\" or \"]\" (line 1, column 4)" },
  { "missing-comma-lines",
    "{\n  \"schedule\": {\n    \"version\": 1\n    \"conference\": {}\n  }\n}", 0, NULL,
    OC3_SCHEDULE_ERROR_SYNTAX,
    "schedule: unexpected \"\\\"\", expected \",\" or \"}\" (line 4, column 5)" },
  { "missing-colon", "{\"schedule\" {}}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "(root): unexpected \"{\", expected \":\" (line 1, column 13)" },
  { "bad-escape", "{\"a\": \"\\x\"}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "a: invalid escape in a string (line 1, column 8)" },
  { "bad-unicode-escape", "{\"a\": \"\\u12G4\"}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "a: invalid \\u escape in a string (line 1, column 8)" },
  { "leading-zero", "{\"a\": 01}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "a: invalid number (line 1, column 7)" },
  { "lone-minus", "[-]", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "[0]: invalid number (line 1, column 2)" },
  { "bad-literal", "[nope]", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "[0]: invalid literal (line 1, column 2)" },
  { "bad-value", "{\"a\": @}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "a: unexpected \"@\", expected a value (line 1, column 7)" },
  { "trailing-garbage", "{} x", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "(root): unexpected \"x\" after the end of the JSON value (line 1, column 4)" },
  { "non-identifier-key", "{\"a b\": {\"c\\\"d\": tru}}", 0, NULL, OC3_SCHEDULE_ERROR_SYNTAX,
    "[\"a b\"][\"c\\\"d\"]: invalid literal (line 1, column 18)" },

  /* Absurd sizes and depths. */
  { "nested-100000-deep", NULL, 0, make_deep, OC3_SCHEDULE_ERROR_TOO_DEEP,
    "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
    "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
    "[0][0][0][0]: arrays and objects nested deeper than 64 levels" },
  { "string-over-1-mib", NULL, 0, make_long_string, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "schedule.version: a string longer than 1048576 bytes" },
  { "string-of-1-mib", NULL, 0, make_longest_string, OC3_SCHEDULE_ERROR_SHAPE,
    "schedule.conference: missing" },
  { "input-over-64-mib", NULL, 0, make_huge, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "(root): the input is larger than 64 MiB" },
  { "over-100000-talks", NULL, 0, make_many_talks, OC3_SCHEDULE_ERROR_TOO_LARGE,
    "schedule.conference.days[0].rooms.R[100000]: more than 100000 talks" },

  /* JSON, but not a schedule. */
  { "top-level-array", "[]", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "(root): expected an object with a “schedule” member, got an array" },
  { "top-level-string", "\"schedule\"", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "(root): expected an object with a “schedule” member, got a string" },
  { "no-schedule", "{\"foo\": 1}", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "schedule: missing: this is not a schedule.json file" },
  { "schedule-array", "{\"schedule\": []}", 0, NULL, OC3_SCHEDULE_ERROR_TYPE,
    "schedule: expected an object, got an array" },
  { "no-conference", "{\"schedule\": {}}", 0, NULL, OC3_SCHEDULE_ERROR_SHAPE,
    "schedule.conference: missing" },
  { "no-days", "{\"schedule\": {\"conference\": {\"title\": \"x\"}}}", 0, NULL,
    OC3_SCHEDULE_ERROR_SHAPE, "schedule.conference.days: missing" },
  { "days-string", "{\"schedule\": {\"conference\": {\"days\": \"1\"}}}", 0, NULL,
    OC3_SCHEDULE_ERROR_TYPE, "schedule.conference.days: expected an array, got a string" },
  { "tracks-object", "{\"schedule\": {\"conference\": {\"days\": [], \"tracks\": {\"a\": 1}}}}", 0,
    NULL, OC3_SCHEDULE_ERROR_TYPE, "schedule.conference.tracks: expected an array, got an object" },
  { "day-number", DAY ("42"), 0, NULL, OC3_SCHEDULE_ERROR_TYPE,
    DAY_PATH ": expected an object, got a number" },
  { "day-index-word", DAY ("{\"index\": \"two\", \"date\": \"2024-01-01\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, DAY_PATH ".index: not a whole number: \"two\"" },
  { "day-date", DAY ("{\"index\": 1, \"date\": \"2024-02-30\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, DAY_PATH ".date: not a date: \"2024-02-30\"" },
  { "day-start", DAY ("{\"index\": 1, \"date\": \"2024-02-03\", \"day_start\": \"tomorrow\"}"), 0,
    NULL, OC3_SCHEDULE_ERROR_VALUE, DAY_PATH ".day_start: not a date-time: \"tomorrow\"" },
  { "rooms-string", DAY ("{\"date\": \"2024-01-01\", \"rooms\": \"Hall 1\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_TYPE, DAY_PATH ".rooms: expected an object, got a string" },
  { "rooms-array", DAY ("{\"date\": \"2024-01-01\", \"rooms\": [[]]}"), 0, NULL,
    OC3_SCHEDULE_ERROR_TYPE, DAY_PATH ".rooms: expected an object, got an array" },
  { "room-object", DAY ("{\"date\": \"2024-01-01\", \"rooms\": {\"Hall 1\": {}}}"), 0, NULL,
    OC3_SCHEDULE_ERROR_TYPE, DAY_PATH ".rooms[\"Hall 1\"]: expected an array, got an object" },
  { "start-without-day-date", DAY ("{\"rooms\": {\"Hall 1\": [{\"start\": \"10:00\"}]}}"), 0, NULL,
    OC3_SCHEDULE_ERROR_SHAPE,
    TALK_PATH ".date: missing, and the day has no date to place “start” on" },

  /* Talks. */
  { "talk-string", TALK ("\"a talk\""), 0, NULL, OC3_SCHEDULE_ERROR_TYPE,
    TALK_PATH ": expected an object, got a string" },
  { "bad-date", NULL, 0, make_bad_date, OC3_SCHEDULE_ERROR_VALUE,
    "schedule.conference.days[2].rooms[\"Hall 1\"][4].date: "
    "not a date-time: \"2024-13-45T10:00\"" },
  { "date-without-time", TALK ("{\"date\": \"2024-03-09\", \"duration\": \"00:30\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, TALK_PATH ".date: not a date-time: \"2024-03-09\"" },
  { "date-number", TALK ("{\"date\": 1709971200, \"duration\": \"00:30\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, TALK_PATH ".date: not a date-time: \"1709971200\"" },
  { "no-time", TALK ("{\"guid\": \"x\", \"title\": \"No time\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_SHAPE,
    TALK_PATH ".date: missing, and so is “start”: the talk has no time" },
  { "bad-start", TALK ("{\"start\": \"25:00\", \"duration\": \"00:30\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, TALK_PATH ".start: not a time: \"25:00\"" },
  { "bad-duration", TALK ("{\"date\": \"2024-01-01T10:00:00Z\", \"duration\": \"1h\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, TALK_PATH ".duration: not a duration: \"1h\"" },
  { "sixty-minutes", TALK ("{\"date\": \"2024-01-01T10:00:00Z\", \"duration\": \"0:60\"}"), 0,
    NULL, OC3_SCHEDULE_ERROR_VALUE, TALK_PATH ".duration: not a duration: \"0:60\"" },
  { "title-array", TALK ("{\"title\": [\"a\", \"b\"]}"), 0, NULL, OC3_SCHEDULE_ERROR_TYPE,
    TALK_PATH ".title: expected a string, got an array" },
  { "id-object", TALK ("{\"id\": {\"n\": 1}}"), 0, NULL, OC3_SCHEDULE_ERROR_TYPE,
    TALK_PATH ".id: expected a string, got an object" },
  { "persons-string", TALK ("{\"date\": \"2024-01-01T10:00:00Z\", \"persons\": \"Alice\"}"), 0,
    NULL, OC3_SCHEDULE_ERROR_TYPE, TALK_PATH ".persons: expected an array, got a string" },
  { "person-number", TALK ("{\"date\": \"2024-01-01T10:00:00Z\", \"persons\": [42]}"), 0, NULL,
    OC3_SCHEDULE_ERROR_TYPE, TALK_PATH ".persons[0]: expected an object, got a number" },
  { "links-number", TALK ("{\"date\": \"2024-01-01T10:00:00Z\", \"links\": 3}"), 0, NULL,
    OC3_SCHEDULE_ERROR_TYPE, TALK_PATH ".links: expected an array, got a number" },
  { "do-not-record-maybe", TALK ("{\"do_not_record\": \"maybe\"}"), 0, NULL,
    OC3_SCHEDULE_ERROR_VALUE, TALK_PATH ".do_not_record: not a boolean: \"maybe\"" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (Oc3Conference) conference = NULL;

  if (error_case->make != NULL)
    bytes = error_case->make ();
  else
    bytes = g_bytes_new_static (error_case->input, error_case->length > 0
                                                   ? error_case->length
                                                   : strlen (error_case->input));

  conference = oc3_schedule_parse (bytes, &error);
  g_assert_null (conference);
  g_assert_error (error, OC3_SCHEDULE_ERROR, (int) error_case->code);
  g_assert_cmpstr (error->message, ==, error_case->message);
}

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

/* Every download cut short fails as truncated (or empty), never otherwise. */
static void
test_every_prefix (void)
{
  g_autoptr (GBytes) bytes = load_data_bytes ("oddities.json");
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (gsize n = 0; n < length - 1; n++)
    {
      g_autoptr (GBytes) prefix = g_bytes_new_static (data, n);
      g_autoptr (GError) error = NULL;
      g_autoptr (Oc3Conference) conference = oc3_schedule_parse (prefix, &error);

      g_assert_null (conference);
      if (!g_error_matches (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TRUNCATED))
        g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_EMPTY);
    }
}

/* Random damage gives a conference or an error (whose message names a
 * path); the sanitizers watch for everything else. */
static void
test_random_damage (void)
{
  g_autoptr (GBytes) bytes = load_data_bytes ("oddities.json");
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
      g_autofree char *path = g_strdup_printf ("/errors/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/errors/every-prefix", test_every_prefix);
  g_test_add_func ("/errors/random-damage", test_random_damage);

  return g_test_run ();
}
