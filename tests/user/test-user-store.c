/* test-user-store.c — starred talks and reminder state survive restarts,
 * damaged files, unwritable folders, crashes and a second instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "oc3-user-store.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
/* 2024-03-31T01:20:00Z */
#define SOME_INSTANT (G_GINT64_CONSTANT (1711848000) * G_USEC_PER_SEC)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("oc3-user-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "user.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The files in @dir whose names start with @prefix, sorted. */
static GPtrArray *
list_files (const char *dir,
            const char *prefix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return names;
}

static JsonObject *
parse_file (const char *path,
            JsonParser *parser)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static Oc3UserStore *
load_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  Oc3UserStore *store = oc3_user_store_new_for_path (path);

  oc3_user_store_load (store, &error);
  g_assert_no_error (error);

  return store;
}

static char *
join_starred (Oc3UserStore *store)
{
  g_auto (GStrv) guids = oc3_user_store_get_starred_guids (store);

  return g_strjoinv (",", guids);
}

static guint
count_starred (Oc3UserStore *store)
{
  g_auto (GStrv) guids = oc3_user_store_get_starred_guids (store);

  return g_strv_length (guids);
}

static void
count_cb (gpointer  instance,
          const char *guid,
          gpointer  user_data)
{
  GPtrArray *changes = user_data;

  g_ptr_array_add (changes, g_strdup (guid));
}

static gboolean
wait_for (gboolean (*condition) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return condition (data);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
no_last_error (gpointer store)
{
  return oc3_user_store_get_last_error (store) == NULL;
}

/* Basics ------------------------------------------------------------------ */

static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = load_store (fixture->path);
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *room = NULL;
  g_autofree char *starred = NULL;
  gint64 start, end;

  g_signal_connect (store, "changed", G_CALLBACK (count_cb), changes);

  g_assert_false (oc3_user_store_is_starred (store, "a"));
  g_assert_true (oc3_user_store_get_reminder_enabled (store, "a"));
  g_assert_cmpint (oc3_user_store_get_lead_minutes (store, "a"), ==, -1);
  g_assert_false (oc3_user_store_lookup_talk (store, "a", NULL, NULL, NULL, NULL));

  oc3_user_store_set_starred (store, "b", TRUE);
  oc3_user_store_set_starred (store, "a", TRUE);
  oc3_user_store_set_starred (store, "a", TRUE);   /* no change, no signal */
  oc3_user_store_set_starred (store, "c", FALSE);  /* no change, no signal */
  g_assert_cmpuint (changes->len, ==, 2);
  starred = join_starred (store);
  g_assert_cmpstr (starred, ==, "a,b");

  oc3_user_store_set_reminder_enabled (store, "a", FALSE);
  g_assert_false (oc3_user_store_get_reminder_enabled (store, "a"));
  oc3_user_store_set_lead_minutes (store, "a", 0);
  g_assert_cmpint (oc3_user_store_get_lead_minutes (store, "a"), ==, 0);

  oc3_user_store_mark_delivered (store, "a", SOME_INSTANT);
  g_assert_true (oc3_user_store_was_delivered (store, "a", SOME_INSTANT));
  g_assert_false (oc3_user_store_was_delivered (store, "a", SOME_INSTANT + MINUTE));
  g_assert_true (oc3_user_store_was_delivered_between (store, "a", SOME_INSTANT - MINUTE,
                                                       SOME_INSTANT));
  g_assert_false (oc3_user_store_was_delivered_between (store, "a", SOME_INSTANT + 1,
                                                        SOME_INSTANT + MINUTE));

  oc3_user_store_set_snoozed_until (store, "a", SOME_INSTANT + 5 * MINUTE);
  g_assert_cmpint (oc3_user_store_get_snoozed_until (store, "a"), ==, SOME_INSTANT + 5 * MINUTE);
  oc3_user_store_set_cancel_notified (store, "a", TRUE);
  g_assert_true (oc3_user_store_get_cancel_notified (store, "a"));

  oc3_user_store_remember_talk (store, "a", "Attestation, “explained”", SOME_INSTANT,
                                SOME_INSTANT + 30 * MINUTE, NULL);
  g_assert_true (oc3_user_store_lookup_talk (store, "a", &title, &start, &end, &room));
  g_assert_cmpstr (title, ==, "Attestation, “explained”");
  g_assert_cmpstr (room, ==, "");
  g_assert_cmpint (start, ==, SOME_INSTANT);
  g_assert_cmpint (end, ==, SOME_INSTANT + 30 * MINUTE);

  /* Unstarring forgets the copy, but not the choice. */
  oc3_user_store_set_starred (store, "a", FALSE);
  g_assert_false (oc3_user_store_lookup_talk (store, "a", NULL, NULL, NULL, NULL));
  g_assert_false (oc3_user_store_get_reminder_enabled (store, "a"));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = load_store (fixture->path);
  g_autoptr (Oc3UserStore) again = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *room = NULL;
  g_autofree char *starred = NULL;
  gint64 start, end;
  JsonObject *root;
  GStatBuf buf;

  oc3_user_store_set_starred (store, "talk-1", TRUE);
  oc3_user_store_set_starred (store, "talk-2", TRUE);
  oc3_user_store_set_lead_minutes (store, "talk-2", 25);
  oc3_user_store_set_reminder_enabled (store, "talk-1", FALSE);
  oc3_user_store_mark_delivered (store, "talk-2", SOME_INSTANT);
  oc3_user_store_mark_delivered (store, "talk-2", SOME_INSTANT + 123);
  oc3_user_store_set_snoozed_until (store, "talk-2", SOME_INSTANT + 5 * MINUTE);
  oc3_user_store_set_cancel_notified (store, "talk-1", TRUE);
  oc3_user_store_remember_talk (store, "talk-2", "Keys 🔑; locks, \"quotes\"", SOME_INSTANT,
                                SOME_INSTANT + MINUTE, "Room A");
  g_assert_true (oc3_user_store_flush (store, &error));
  g_assert_no_error (error);

  root = parse_file (fixture->path, parser);
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 2);
  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  again = load_store (fixture->path);
  g_assert_null (oc3_user_store_get_recovery_message (again));
  starred = join_starred (again);
  g_assert_cmpstr (starred, ==, "talk-1,talk-2");
  g_assert_false (oc3_user_store_get_reminder_enabled (again, "talk-1"));
  g_assert_true (oc3_user_store_get_reminder_enabled (again, "talk-2"));
  g_assert_cmpint (oc3_user_store_get_lead_minutes (again, "talk-1"), ==, -1);
  g_assert_cmpint (oc3_user_store_get_lead_minutes (again, "talk-2"), ==, 25);
  g_assert_true (oc3_user_store_was_delivered (again, "talk-2", SOME_INSTANT));
  g_assert_true (oc3_user_store_was_delivered (again, "talk-2", SOME_INSTANT + 123));
  g_assert_false (oc3_user_store_was_delivered (again, "talk-1", SOME_INSTANT));
  g_assert_cmpint (oc3_user_store_get_snoozed_until (again, "talk-2"), ==,
                   SOME_INSTANT + 5 * MINUTE);
  g_assert_true (oc3_user_store_get_cancel_notified (again, "talk-1"));
  g_assert_true (oc3_user_store_lookup_talk (again, "talk-2", &title, &start, &end, &room));
  g_assert_cmpstr (title, ==, "Keys 🔑; locks, \"quotes\"");
  g_assert_cmpstr (room, ==, "Room A");
  g_assert_cmpint (start, ==, SOME_INSTANT);
  g_assert_cmpint (end, ==, SOME_INSTANT + MINUTE);
}

/* Changes are written together after the save delay, and on dispose. */
static void
test_coalesced_writes (Fixture       *fixture,
                       gconstpointer  data)
{
  Oc3UserStore *store = load_store (fixture->path);
  g_autoptr (Oc3UserStore) again = NULL;
  g_autoptr (Oc3UserStore) third = NULL;
  gint64 before = g_get_monotonic_time ();

  g_assert_cmpuint (oc3_user_store_get_save_delay (store), ==, 300);
  oc3_user_store_set_starred (store, "a", TRUE);
  oc3_user_store_set_starred (store, "b", TRUE);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_true (wait_for (file_exists, fixture->path));
  g_assert_cmpint (g_get_monotonic_time () - before, >=, 250 * 1000);

  again = load_store (fixture->path);
  g_assert_true (oc3_user_store_is_starred (again, "a"));
  g_assert_true (oc3_user_store_is_starred (again, "b"));

  /* Not yet written when the store goes away: dispose writes it. */
  oc3_user_store_set_starred (store, "c", TRUE);
  g_assert_finalize_object (store);
  third = load_store (fixture->path);
  g_assert_true (oc3_user_store_is_starred (third, "c"));
}

static void
test_missing_directory (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *deep = g_build_filename (fixture->dir, "data", "oc3", "oc3-2024",
                                            "user.json", NULL);
  g_autofree char *parent = g_path_get_dirname (deep);
  g_autoptr (Oc3UserStore) store = load_store (deep);
  g_autoptr (Oc3UserStore) again = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf buf;

  g_assert_null (oc3_user_store_get_last_error (store));
  oc3_user_store_set_starred (store, "a", TRUE);
  g_assert_true (oc3_user_store_flush (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (parent, &buf), ==, 0);
  g_assert_true (S_ISDIR (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  again = load_store (deep);
  g_assert_true (oc3_user_store_is_starred (again, "a"));
}

static void
test_default_path (void)
{
  g_autoptr (Oc3UserStore) store = oc3_user_store_new ("oc3-2024");
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "oc3", "oc3-2024",
                                                "user.json", NULL);

  g_assert_cmpstr (oc3_user_store_get_path (store), ==, expected);
}

/* Format versions ------------------------------------------------------------ */

static void
test_upgrade_format_1 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (Oc3UserStore) again = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) aside = NULL;
  g_autofree char *starred = NULL;
  JsonObject *root;
  JsonObject *talks;

  write_file (fixture->path, "{\"format\": 1, \"starred\": [\"talk-b\", \"talk-a\"]}");

  store = load_store (fixture->path);
  g_assert_null (oc3_user_store_get_recovery_message (store));
  g_assert_null (oc3_user_store_get_last_error (store));
  starred = join_starred (store);
  g_assert_cmpstr (starred, ==, "talk-a,talk-b");
  g_assert_true (oc3_user_store_get_reminder_enabled (store, "talk-a"));
  g_assert_cmpint (oc3_user_store_get_lead_minutes (store, "talk-a"), ==, -1);

  /* Rewritten in format 2 at once; nothing set aside. */
  root = parse_file (fixture->path, parser);
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 2);
  talks = json_object_get_object_member (root, "talks");
  g_assert_nonnull (talks);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (talks, "talk-a"),
                                                 "starred"));
  aside = list_files (fixture->dir, "user.json.");
  g_assert_cmpuint (aside->len, ==, 0);

  /* A choice made since the upgrade wins over the upgraded entry. */
  oc3_user_store_set_starred (store, "talk-a", FALSE);
  g_assert_true (oc3_user_store_flush (store, NULL));
  again = load_store (fixture->path);
  g_assert_false (oc3_user_store_is_starred (again, "talk-a"));
  g_assert_true (oc3_user_store_is_starred (again, "talk-b"));
}

/* A file from a newer OC3 is read as far as it is understood, and never
 * overwritten. */
static void
test_newer_format (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *newer = "{\"format\": 3, \"talks\": {\"a\": {\"starred\": true, "
                      "\"something-new\": [1, 2]}}, \"more\": {}}";
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;

  write_file (fixture->path, newer);
  store = load_store (fixture->path);
  g_assert_true (oc3_user_store_is_starred (store, "a"));
  g_assert_null (oc3_user_store_get_recovery_message (store));
  g_assert_error (oc3_user_store_get_last_error (store), G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  oc3_user_store_set_starred (store, "b", TRUE);
  g_assert_false (oc3_user_store_flush (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_true (oc3_user_store_is_starred (store, "b"));

  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, newer);
}

/* Damaged files ------------------------------------------------------------- */

static char *
single_aside_file (Fixture *fixture)
{
  g_autoptr (GPtrArray) aside = list_files (fixture->dir, "user.json.corrupt-");

  g_assert_cmpuint (aside->len, ==, 1);

  return g_build_filename (fixture->dir, g_ptr_array_index (aside, 0), NULL);
}

static void
test_corrupt_garbage (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *garbage = "this is {not JSON at all";
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (Oc3UserStore) again = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;
  g_autofree char *aside_name = NULL;

  write_file (fixture->path, garbage);

  store = load_store (fixture->path);
  g_assert_null (oc3_user_store_get_last_error (store));
  g_assert_cmpuint (count_starred (store), ==, 0);

  /* Kept aside, byte for byte. */
  aside = single_aside_file (fixture);
  kept = read_file (aside);
  g_assert_cmpstr (kept, ==, garbage);
  aside_name = g_path_get_basename (aside);
  g_assert_true (g_regex_match_simple ("^user\\.json\\.corrupt-[0-9]{8}T[0-9]{6}Z$",
                                       aside_name, 0, 0));

  /* Told once. */
  g_assert_nonnull (oc3_user_store_get_recovery_message (store));
  message = oc3_user_store_take_recovery_message (store);
  g_assert_nonnull (strstr (message, aside));
  g_assert_null (oc3_user_store_take_recovery_message (store));
  g_assert_null (oc3_user_store_get_recovery_message (store));

  /* A good file replaced it, so the next start has nothing to say. */
  parse_file (fixture->path, parser);
  again = load_store (fixture->path);
  g_assert_null (oc3_user_store_get_recovery_message (again));
}

static void
test_corrupt_partial (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *damaged =
    "{\"format\": 2, \"talks\": {"
    "  \"good\": {\"starred\": true, \"lead-minutes\": 5, \"modified\": \"2024-03-01T10:00:00Z\"},"
    "  \"bad-star\": {\"starred\": \"yes\"},"
    "  \"bad-lead\": {\"starred\": true, \"lead-minutes\": -7,"
    "                 \"delivered\": [\"2024-03-01T10:00:00Z\", \"yesterday\"]},"
    "  \"not-an-object\": 42,"
    "  \"bad-talk\": {\"starred\": true, \"talk\": {\"title\": 5}}"
    "}}";
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (Oc3UserStore) again = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *starred = NULL;
  g_autofree char *message = NULL;
  gint64 delivered;

  write_file (fixture->path, damaged);
  store = load_store (fixture->path);

  /* What is valid is kept, down to single fields. */
  starred = join_starred (store);
  g_assert_cmpstr (starred, ==, "bad-lead,bad-talk,good");
  g_assert_cmpint (oc3_user_store_get_lead_minutes (store, "good"), ==, 5);
  g_assert_cmpint (oc3_user_store_get_lead_minutes (store, "bad-lead"), ==, -1);
  delivered = G_GINT64_CONSTANT (1709287200) * G_USEC_PER_SEC;
  g_assert_true (oc3_user_store_was_delivered (store, "bad-lead", delivered));
  g_assert_false (oc3_user_store_lookup_talk (store, "bad-talk", NULL, NULL, NULL, NULL));

  aside = single_aside_file (fixture);
  kept = read_file (aside);
  g_assert_cmpstr (kept, ==, damaged);
  message = oc3_user_store_take_recovery_message (store);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Some of your starred talks"));

  again = load_store (fixture->path);
  g_assert_null (oc3_user_store_get_recovery_message (again));
  g_clear_pointer (&starred, g_free);
  starred = join_starred (again);
  g_assert_cmpstr (starred, ==, "bad-lead,bad-talk,good");
}

static void
test_corrupt_format_1 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = NULL;
  g_autofree char *starred = NULL;
  g_autofree char *aside = NULL;

  write_file (fixture->path, "{\"format\": 1, \"starred\": [\"a\", 17, null, \"\", \"b\"]}");
  store = load_store (fixture->path);

  starred = join_starred (store);
  g_assert_cmpstr (starred, ==, "a,b");
  g_assert_nonnull (oc3_user_store_get_recovery_message (store));
  aside = single_aside_file (fixture);
}

/* A write cut short (by a file system without rename, or a copy tool):
 * nothing can be recovered, but nothing is thrown away either. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = load_store (fixture->path);
  g_autoptr (Oc3UserStore) again = NULL;
  g_autofree char *full = NULL;
  g_autofree char *half = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *guid = g_strdup_printf ("talk-%d", i);

      oc3_user_store_set_starred (store, guid, TRUE);
    }
  g_assert_true (oc3_user_store_flush (store, NULL));

  full = read_file (fixture->path);
  half = g_strndup (full, strlen (full) / 2);
  write_file (fixture->path, half);

  again = load_store (fixture->path);
  g_assert_cmpuint (count_starred (again), ==, 0);
  aside = single_aside_file (fixture);
  kept = read_file (aside);
  g_assert_cmpstr (kept, ==, half);
  message = oc3_user_store_take_recovery_message (again);
  g_assert_true (g_str_has_prefix (message, "Your starred talks"));
}

/* "Unreadable": user.json is a folder. It is moved aside like a damaged file. */
static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  store = load_store (fixture->path);
  g_assert_nonnull (oc3_user_store_get_recovery_message (store));
  aside = single_aside_file (fixture);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_DIR));

  oc3_user_store_set_starred (store, "a", TRUE);
  g_assert_true (oc3_user_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

/* Unwritable places ---------------------------------------------------------- */

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Tests run as root in the development root, where permissions stop nothing.
 * What stops root too: a regular file where the folder should be
 * (ENOTDIR), which the test can then take away to let the retry succeed. */
static void
test_not_a_directory_retry_timer (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "oc3", NULL);
  g_autofree char *path = g_build_filename (blocker, "oc3-2024", "user.json", NULL);
  g_autoptr (Oc3UserStore) store = load_store (path);
  g_autoptr (Oc3UserStore) again = NULL;
  g_autoptr (GError) error = NULL;
  guint notified = 0;

  write_file (blocker, "in the way");
  oc3_user_store_set_retry_interval (store, 20);
  g_signal_connect (store, "notify::last-error", G_CALLBACK (notify_count_cb), &notified);

  oc3_user_store_set_starred (store, "a", TRUE);
  g_assert_false (oc3_user_store_flush (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, "Could not save your starred talks"));
  g_assert_nonnull (strstr (error->message, blocker));
  g_assert_error (oc3_user_store_get_last_error (store), G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_cmpuint (notified, ==, 1);

  /* Nothing lost in memory. */
  g_assert_true (oc3_user_store_is_starred (store, "a"));

  /* The same failure again is not announced again. */
  g_clear_error (&error);
  g_assert_false (oc3_user_store_flush (store, &error));
  g_assert_cmpuint (notified, ==, 1);

  /* Once the way is clear, the timer writes it without any new change. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_true (wait_for (no_last_error, store));
  g_assert_cmpuint (notified, ==, 2);

  again = load_store (path);
  g_assert_true (oc3_user_store_is_starred (again, "a"));
}

static void
test_not_a_directory_retry_on_change (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "oc3", NULL);
  g_autofree char *path = g_build_filename (blocker, "user.json", NULL);
  g_autoptr (Oc3UserStore) store = load_store (path);
  g_autoptr (Oc3UserStore) again = NULL;

  write_file (blocker, "in the way");
  oc3_user_store_set_save_delay (store, 10);

  oc3_user_store_set_starred (store, "a", TRUE);
  g_assert_false (oc3_user_store_flush (store, NULL));
  g_assert_nonnull (oc3_user_store_get_last_error (store));

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  oc3_user_store_set_starred (store, "b", TRUE);
  g_assert_true (wait_for (no_last_error, store));

  again = load_store (path);
  g_assert_true (oc3_user_store_is_starred (again, "a"));
  g_assert_true (oc3_user_store_is_starred (again, "b"));
}

/* A read-only file system stops root as well: the development root is
 * mounted read-only by bubblewrap. Where it is not, the test is skipped. */
static void
test_read_only_file_system (void)
{
  const char *dir = "/usr/share";
  g_autofree char *path = g_build_filename (dir, "oc3-test-user.json", NULL);
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (access (dir, W_OK) == 0 || errno != EROFS)
    {
      g_test_skip ("/usr/share is not on a read-only file system here");
      return;
    }

  store = load_store (path);
  oc3_user_store_set_starred (store, "a", TRUE);
  g_assert_false (oc3_user_store_flush (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ROFS);
  g_assert_nonnull (strstr (error->message, "Could not save your starred talks"));
  g_assert_true (oc3_user_store_is_starred (store, "a"));

  g_test_expect_message ("oc3-user-store", G_LOG_LEVEL_WARNING,
                         "*changed since the last save are lost*");
  g_clear_object (&store);
  g_test_assert_expected_messages ();
}

/* For a user other than root, a folder without write permission. */
static void
test_read_only_permissions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not stop root");
      return;
    }

  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  store = load_store (fixture->path);
  oc3_user_store_set_starred (store, "a", TRUE);
  g_assert_false (oc3_user_store_flush (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  g_assert_true (oc3_user_store_flush (store, NULL));
}

/* Crashes ---------------------------------------------------------------------- */

/* The starred talks are always talk-00000 … talk-N: a mixture of two states
 * would show as a gap or as an unparsable file. Returns N + 1. */
static guint
check_consistent (const char *path)
{
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) guids = NULL;
  JsonObject *root;
  guint n;

  root = parse_file (path, parser);
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 2);

  store = load_store (path);
  g_assert_null (oc3_user_store_get_recovery_message (store));
  guids = oc3_user_store_get_starred_guids (store);
  n = g_strv_length (guids);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("talk-%05u", i);

      g_assert_cmpstr (guids[i], ==, expected);
      g_assert_cmpint (oc3_user_store_get_lead_minutes (store, guids[i]), ==, (int) (i % 60));
    }

  return n;
}

G_GNUC_NORETURN static void
write_forever (const char *path)
{
  g_autoptr (Oc3UserStore) store = load_store (path);
  guint n = count_starred (store);

  for (;; n++)
    {
      g_autofree char *guid = g_strdup_printf ("talk-%05u", n);

      oc3_user_store_set_starred (store, guid, TRUE);
      oc3_user_store_set_lead_minutes (store, guid, (int) (n % 60));
      if (!oc3_user_store_flush (store, NULL))
        _exit (1);
    }
}

static void
test_kill_while_writing (Fixture       *fixture,
                         gconstpointer  data)
{
  guint first, last;

  {
    g_autoptr (Oc3UserStore) store = load_store (fixture->path);

    oc3_user_store_set_starred (store, "talk-00000", TRUE);
    oc3_user_store_set_lead_minutes (store, "talk-00000", 0);
  }
  first = last = check_consistent (fixture->path);
  g_assert_cmpuint (first, ==, 1);

  for (int round = 0; round < 30; round++)
    {
      g_autoptr (GPtrArray) leftovers = NULL;
      int status;
      pid_t pid;
      guint now;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        write_forever (fixture->path);

      g_usleep (g_test_rand_int_range (500, 30000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      /* Old or new state, never a mixture; and time only moves forward. */
      now = check_consistent (fixture->path);
      g_assert_cmpuint (now, >=, last);
      last = now;

      /* Loading removed the temporary file a killed write may leave. */
      leftovers = list_files (fixture->dir, "user.json.");
      g_assert_cmpuint (leftovers->len, ==, 0);
    }

  /* The writer made progress between the kills. */
  g_test_message ("%u talks written in 30 killed runs", last);
  g_assert_cmpuint (last, >, first);
}

/* Two instances ------------------------------------------------------------------- */

static void
test_merge_two_instances (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (Oc3UserStore) one = load_store (fixture->path);
  g_autoptr (Oc3UserStore) two = load_store (fixture->path);
  g_autoptr (Oc3UserStore) check = NULL;
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *starred = NULL;

  g_signal_connect (two, "changed", G_CALLBACK (count_cb), changes);

  oc3_user_store_set_starred (one, "x", TRUE);
  g_assert_true (oc3_user_store_flush (one, NULL));

  /* two never saw x, but does not write over it; it learns of it. */
  oc3_user_store_set_starred (two, "y", TRUE);
  g_ptr_array_set_size (changes, 0);
  g_assert_true (oc3_user_store_flush (two, NULL));
  g_assert_true (oc3_user_store_is_starred (two, "x"));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "x");

  oc3_user_store_set_starred (one, "z", TRUE);
  g_assert_true (oc3_user_store_flush (one, NULL));
  starred = join_starred (one);
  g_assert_cmpstr (starred, ==, "x,y,z");

  /* The later choice wins, for each talk on its own. */
  oc3_user_store_set_starred (one, "x", FALSE);
  oc3_user_store_set_lead_minutes (two, "y", 5);
  oc3_user_store_remember_talk (two, "x", "X", SOME_INSTANT, SOME_INSTANT + MINUTE, "A");
  g_assert_true (oc3_user_store_flush (one, NULL));
  g_assert_true (oc3_user_store_flush (two, NULL));
  g_assert_false (oc3_user_store_is_starred (two, "x"));

  /* Delivered reminders add up. */
  oc3_user_store_mark_delivered (one, "z", SOME_INSTANT);
  oc3_user_store_mark_delivered (two, "y", SOME_INSTANT);
  g_assert_true (oc3_user_store_flush (one, NULL));
  g_assert_true (oc3_user_store_flush (two, NULL));

  check = load_store (fixture->path);
  g_clear_pointer (&starred, g_free);
  starred = join_starred (check);
  g_assert_cmpstr (starred, ==, "y,z");
  g_assert_cmpint (oc3_user_store_get_lead_minutes (check, "y"), ==, 5);
  g_assert_true (oc3_user_store_was_delivered (check, "z", SOME_INSTANT));
  g_assert_true (oc3_user_store_was_delivered (check, "y", SOME_INSTANT));
  g_assert_true (oc3_user_store_lookup_talk (check, "x", NULL, NULL, NULL, NULL));
}

G_GNUC_NORETURN static void
star_many (const char *path,
           const char *prefix)
{
  g_autoptr (Oc3UserStore) store = load_store (path);

  for (int i = 0; i < 150; i++)
    {
      g_autofree char *guid = g_strdup_printf ("%s-%03d", prefix, i);

      oc3_user_store_set_starred (store, guid, TRUE);
      if (!oc3_user_store_flush (store, NULL))
        _exit (1);
    }

  g_clear_object (&store);
  _exit (0);
}

/* Two processes writing at the same time lose none of each other's writes. */
static void
test_merge_two_processes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (Oc3UserStore) check = NULL;
  g_auto (GStrv) guids = NULL;
  pid_t pids[2];

  for (int i = 0; i < 2; i++)
    {
      pids[i] = fork ();
      g_assert_cmpint (pids[i], >=, 0);
      if (pids[i] == 0)
        star_many (fixture->path, i == 0 ? "one" : "two");
    }

  for (int i = 0; i < 2; i++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  check = load_store (fixture->path);
  guids = oc3_user_store_get_starred_guids (check);
  g_assert_cmpuint (g_strv_length (guids), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/user-store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("values", test_values);
  ADD ("round-trip", test_round_trip);
  ADD ("coalesced-writes", test_coalesced_writes);
  ADD ("missing-directory", test_missing_directory);
  g_test_add_func ("/user-store/default-path", test_default_path);
  ADD ("format/upgrade-1", test_upgrade_format_1);
  ADD ("format/newer", test_newer_format);
  ADD ("corrupt/garbage", test_corrupt_garbage);
  ADD ("corrupt/partial", test_corrupt_partial);
  ADD ("corrupt/format-1", test_corrupt_format_1);
  ADD ("corrupt/truncated", test_truncated);
  ADD ("corrupt/unreadable", test_unreadable);
  ADD ("read-only/not-a-directory-retry-timer", test_not_a_directory_retry_timer);
  ADD ("read-only/not-a-directory-retry-on-change", test_not_a_directory_retry_on_change);
  g_test_add_func ("/user-store/read-only/file-system", test_read_only_file_system);
  ADD ("read-only/permissions", test_read_only_permissions);
  ADD ("crash/kill-while-writing", test_kill_while_writing);
  ADD ("merge/two-instances", test_merge_two_instances);
  ADD ("merge/two-processes", test_merge_two_processes);

#undef ADD

  return g_test_run ();
}
