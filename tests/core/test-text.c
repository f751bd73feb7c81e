/* test-text.c — text cleaning, track colours, JSON paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "oc3-json-document.h"
#include "oc3-text.h"
#include "oc3-track.h"

typedef struct {
  const char *input;
  gssize      length;
  const char *expected;
} CleanCase;

static const CleanCase clean_cases[] = {
  { "plain", -1, "plain" },
  { "", -1, "" },
  { "   ", -1, "" },
  { "  surrounded \t ", -1, "surrounded" },
  { "\n\n  lines \n", -1, "lines" },
  { "a\r\nb", -1, "a\nb" },
  { "a\rb", -1, "a\nb" },
  { "a\r\r\nb", -1, "a\n\nb" },
  { "a\r", -1, "a" },
  { "line\xe2\x80\xa8separator", -1, "line\nseparator" },
  { "paragraph\xe2\x80\xa9separator", -1, "paragraph\n\nseparator" },
  { "tab\tkept", -1, "tab\tkept" },
  { "del\x7f" "eted", -1, "deleted" },
  { "bell\x07 and \x01\x02\x1f\x1b[31m escape", -1, "bell and [31m escape" },
  { "next\xc2\x85line", -1, "nextline" },
  { "c1\xc2\x9f" "end", -1, "c1end" },
  { "\xc2\xa0nbsp\xc2\xa0", -1, "nbsp" },
  { "\xe2\x80\x8bzero width\xef\xbb\xbf", -1, "zero width" },
  { "\xe3\x80\x80ideographic\xe3\x80\x80", -1, "ideographic" },
  { "inner \xc2\xa0 kept", -1, "inner \xc2\xa0 kept" },
  { "<p>HTML &amp; <b>bold</b></p>", -1, "<p>HTML &amp; <b>bold</b></p>" },
  { "**Markdown** _stays_\n\n- a list", -1, "**Markdown** _stays_\n\n- a list" },
  { "\xc3\xa9t\xc3\xa9 \xf0\x9f\x9a\x80", -1, "\xc3\xa9t\xc3\xa9 \xf0\x9f\x9a\x80" },
  { "abcdef", 3, "abc" },
  { "a\0b", 3, "ab" },
  { "\xc2\xa0", 1, "\xc2" },
};

static void
test_clean (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (clean_cases); i++)
    {
      g_autofree char *cleaned = oc3_text_clean (clean_cases[i].input, clean_cases[i].length);

      g_test_message ("case %u", i);
      g_assert_cmpstr (cleaned, ==, clean_cases[i].expected);
    }
}

/* Cleaning never grows text, and cleaning twice changes nothing. */
static void
test_clean_idempotent (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (clean_cases) - 1; i++)
    {
      g_autofree char *once = oc3_text_clean (clean_cases[i].input, clean_cases[i].length);
      g_autofree char *twice = oc3_text_clean (once, -1);

      g_assert_cmpstr (once, ==, twice);
      g_assert_true (g_utf8_validate (once, -1, NULL));
    }
}

static void
test_track_colors (void)
{
  const char *palette[] = {
    "#3584e4", "#2190a4", "#3a944a", "#c88800", "#ed5b00", "#e62d42", "#d56199", "#9141ac",
    "#6f8396",
  };
  const char *names[] = { "Security", "Hardware", "Art & Beauty", "DJ-Set", "Ünïcode", "", "x" };

  /* Stable across versions: these must never change. */
  g_assert_cmpstr (oc3_track_color_for_name ("Security"), ==, "#d56199");
  g_assert_cmpstr (oc3_track_color_for_name ("Broken"), ==, "#6f8396");
  g_assert_cmpstr (oc3_track_color_for_name ("T2"), ==, "#e62d42");
  g_assert_cmpstr (oc3_track_color_for_name ("Ünïcode"), ==, "#2190a4");
  /* Case and surrounding spaces do not matter. */
  g_assert_cmpstr (oc3_track_color_for_name ("security "), ==,
                   oc3_track_color_for_name ("Security"));
  g_assert_cmpstr (oc3_track_color_for_name (" SECURITY"), ==,
                   oc3_track_color_for_name ("Security"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_strv_contains (palette, oc3_track_color_for_name (names[i])));
}

static void
test_paths (void)
{
  g_autoptr (GString) path = g_string_new (NULL);

  g_assert_true (oc3_json_is_identifier ("schedule"));
  g_assert_true (oc3_json_is_identifier ("day_start"));
  g_assert_true (oc3_json_is_identifier ("_x1"));
  g_assert_false (oc3_json_is_identifier ("Hall 1"));
  g_assert_false (oc3_json_is_identifier ("1st"));
  g_assert_false (oc3_json_is_identifier (""));
  g_assert_false (oc3_json_is_identifier ("Spätverkauf"));

  oc3_json_append_key (path, "schedule");
  oc3_json_append_key (path, "days");
  g_string_append (path, "[2]");
  oc3_json_append_key (path, "rooms");
  oc3_json_append_key (path, "Hall 1");
  oc3_json_append_key (path, "say \"hi\"\n\\");
  oc3_json_append_key (path, "");
  g_assert_cmpstr (path->str, ==,
                   "schedule.days[2].rooms[\"Hall 1\"][\"say \\\"hi\\\"\\n\\\\\"][\"\"]");

  g_string_truncate (path, 0);
  oc3_json_append_quoted (path, "0123456789", 4);
  g_assert_cmpstr (path->str, ==, "\"0123…\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/clean", test_clean);
  g_test_add_func ("/text/clean-idempotent", test_clean_idempotent);
  g_test_add_func ("/text/track-colors", test_track_colors);
  g_test_add_func ("/text/json-paths", test_paths);

  return g_test_run ();
}
