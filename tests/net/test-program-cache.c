/* test-program-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "oc3-program-cache.h"

typedef struct
{
  char            *directory;
  Oc3ProgramCache *cache;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("oc3-cache-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache = oc3_program_cache_new (fixture->directory);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->cache);
  remove_tree (fixture->directory);
  g_free (fixture->directory);
}

static Oc3CacheEntry *
make_entry (const char *program,
            const char *etag)
{
  Oc3CacheEntry *entry = oc3_cache_entry_new ();

  entry->program = g_bytes_new (program, strlen (program));
  entry->url = g_strdup ("https://example.org/schedule.json");
  entry->final_url = g_strdup ("https://cdn.example.org/schedule.json");
  entry->etag = g_strdup (etag);
  entry->last_modified = g_strdup ("Sat, 28 Dec 2024 10:00:00 GMT");
  entry->fetched_at = g_date_time_new_from_iso8601 ("2024-12-28T10:00:05Z", NULL);
  entry->checked_at = g_date_time_ref (entry->fetched_at);
  return entry;
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_date_time_equal (a, b));
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Oc3CacheEntry) entry = NULL;

  entry = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (entry);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) stored = make_entry ("{\"schedule\": {}}", "\"v1\"");
  g_autoptr(Oc3CacheEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conference_dir = g_build_filename (fixture->directory, "oc3-2024", NULL);
  g_autofree char *program_path = g_build_filename (conference_dir, "program.json", NULL);
  g_autofree char *contents = NULL;
  struct stat info;

  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", stored, &error));
  g_assert_no_error (error);

  /* The program is kept byte for byte as downloaded. */
  g_assert_true (g_file_get_contents (program_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"schedule\": {}}");
  g_assert_cmpint (g_stat (conference_dir, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  loaded = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_bytes_equal (loaded->program, stored->program));
  g_assert_cmpstr (loaded->url, ==, stored->url);
  g_assert_cmpstr (loaded->final_url, ==, stored->final_url);
  g_assert_cmpstr (loaded->etag, ==, "\"v1\"");
  g_assert_cmpstr (loaded->last_modified, ==, stored->last_modified);
  assert_same_time (loaded->fetched_at, stored->fetched_at);
  assert_same_time (loaded->checked_at, stored->checked_at);

  /* Conferences do not see each other's programs. */
  g_clear_pointer (&loaded, oc3_cache_entry_free);
  loaded = oc3_program_cache_load (fixture->cache, "oc3-2023", NULL);
  g_assert_null (loaded);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) first = make_entry ("{\"schedule\": {\"version\": 1}}", "\"v1\"");
  g_autoptr(Oc3CacheEntry) second = make_entry ("{\"schedule\": {\"version\": 2}}", NULL);
  g_autoptr(Oc3CacheEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", first, &error));
  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", second, &error));
  g_assert_no_error (error);

  loaded = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded->program, second->program));
  /* No ETag in the new response: the old one must not survive. */
  g_assert_null (loaded->etag);
}

static void
test_touch (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) stored = make_entry ("{\"schedule\": {}}", "\"v1\"");
  g_autoptr(Oc3CacheEntry) loaded = NULL;
  g_autoptr(GDateTime) checked = g_date_time_new_from_iso8601 ("2024-12-28T11:00:00Z", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (oc3_program_cache_touch (fixture->cache, "oc3-2024", checked, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", stored, &error));
  g_assert_true (oc3_program_cache_touch (fixture->cache, "oc3-2024", checked, &error));
  g_assert_no_error (error);

  loaded = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded->program, stored->program));
  g_assert_cmpstr (loaded->etag, ==, "\"v1\"");
  assert_same_time (loaded->fetched_at, stored->fetched_at);
  assert_same_time (loaded->checked_at, checked);
}

static void
test_invalid_ids (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *invalid[] = { "", ".", "..", "../escape", "a/b", ".hidden", "a\\b", "space here",
                            "caf\xc3\xa9" };
  g_autoptr(Oc3CacheEntry) entry = make_entry ("{}", NULL);
  g_autoptr(GDir) dir = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (oc3_program_cache_is_valid_id (invalid[i]));
      g_assert_false (oc3_program_cache_store (fixture->cache, invalid[i], entry, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
    }

  g_assert_true (oc3_program_cache_is_valid_id ("38c3"));
  g_assert_true (oc3_program_cache_is_valid_id ("oc3-2024_v1.2"));

  /* Nothing was written anywhere. */
  dir = g_dir_open (fixture->directory, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_meta_of_another_program (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) stored = make_entry ("{\"schedule\": {\"version\": 1}}", "\"v1\"");
  g_autoptr(Oc3CacheEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program_path = g_build_filename (fixture->directory, "oc3-2024",
                                                    "program.json", NULL);
  const char *newer = "{\"schedule\": {\"version\": 2}}";

  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", stored, &error));

  /* What a crash between the two renames leaves: the new program, the old
   * metadata.  The program is good, but the old ETag must not be used. */
  g_assert_true (g_file_set_contents (program_path, newer, -1, &error));

  loaded = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (loaded->program, NULL), g_bytes_get_size (loaded->program),
                   newer, strlen (newer));
  g_assert_null (loaded->etag);
  g_assert_null (loaded->last_modified);
  g_assert_null (loaded->fetched_at);
  g_assert_cmpstr (loaded->url, ==, stored->url);
}

static void
test_corrupt_meta (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) stored = make_entry ("{\"schedule\": {}}", "\"v1\"");
  g_autoptr(Oc3CacheEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meta_path = g_build_filename (fixture->directory, "oc3-2024", "meta.json",
                                                 NULL);

  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", stored, &error));
  g_assert_true (g_file_set_contents (meta_path, "{\"version\": 1, \"etag\": ", -1, &error));

  loaded = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded->program, stored->program));
  g_assert_null (loaded->etag);
}

static void
test_stale_temporaries (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) stored = make_entry ("{\"schedule\": {}}", "\"v1\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *conference_dir = g_build_filename (fixture->directory, "oc3-2024", NULL);
  g_autofree char *stale = g_build_filename (conference_dir, "program.json.AB12cd", NULL);
  g_autofree char *unrelated = g_build_filename (conference_dir, "notes.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (conference_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stale, "{\"sched", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "keep", -1, NULL));

  g_assert_true (oc3_program_cache_store (fixture->cache, "oc3-2024", stored, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
}

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(Oc3CacheEntry) stored = make_entry ("{\"schedule\": {}}", "\"v1\"");
  g_autoptr(Oc3CacheEntry) loaded = NULL;
  g_autoptr(GDateTime) checked = g_date_time_new_from_iso8601 ("2024-12-28T11:00:00Z", NULL);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  oc3_program_cache_load_async (fixture->cache, "oc3-2024", NULL, got_result_cb, &result);
  loaded = oc3_program_cache_load_finish (fixture->cache, wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);
  g_clear_object (&result);

  oc3_program_cache_store_async (fixture->cache, "oc3-2024", stored, NULL, got_result_cb, &result);
  g_assert_true (oc3_program_cache_store_finish (fixture->cache, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  oc3_program_cache_touch_async (fixture->cache, "oc3-2024", checked, NULL, got_result_cb,
                                 &result);
  g_assert_true (oc3_program_cache_store_finish (fixture->cache, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  oc3_program_cache_load_async (fixture->cache, "oc3-2024", NULL, got_result_cb, &result);
  loaded = oc3_program_cache_load_finish (fixture->cache, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded->program, stored->program));
  assert_same_time (loaded->checked_at, checked);
  g_clear_object (&result);

  /* A worker thread lets go of its task just after the callback ran. */
  for (guint i = 0; i < 1000 && g_atomic_int_get (&G_OBJECT (fixture->cache)->ref_count) > 1; i++)
    g_usleep (1000);
}

static void
test_default_directory (void)
{
  g_autoptr(Oc3ProgramCache) cache = oc3_program_cache_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "oc3", NULL);

  g_assert_cmpstr (oc3_program_cache_get_directory (cache), ==, expected);
}

/* --- killed while writing -------------------------------------------------- */

#define PROGRAM_HEADER "{\"schedule\": {\"version\": %08u, \"pad\": \""

/* Program number @version: large (so that writing it takes a while), of a
 * size that differs from its neighbours', and checkable in full. */
static GBytes *
make_program (guint version)
{
  gsize pad = 512 * 1024 + (version % 7) * 37 * 1024;
  GString *text = g_string_sized_new (pad + 64);

  g_string_append_printf (text, PROGRAM_HEADER, version);
  for (gsize i = 0; i < pad; i++)
    g_string_append_c (text, 'a' + (version + i) % 26);
  g_string_append (text, "\"}}\n");

  return g_string_free_to_bytes (text);
}

static guint
program_version (GBytes *program)
{
  gsize size;
  const char *data = g_bytes_get_data (program, &size);
  guint version;

  g_assert_cmpuint (size, >, 40);
  g_assert_cmpint (sscanf (data, PROGRAM_HEADER, &version), ==, 1);
  return version;
}

G_GNUC_NORETURN static void
write_forever (Oc3ProgramCache *cache,
               guint            first_version)
{
  for (guint version = first_version; ; version++)
    {
      g_autoptr(Oc3CacheEntry) entry = oc3_cache_entry_new ();
      g_autoptr(GError) error = NULL;

      entry->program = make_program (version);
      entry->url = g_strdup ("https://example.org/schedule.json");
      entry->etag = g_strdup_printf ("\"v%u\"", version);
      entry->fetched_at = g_date_time_new_now_utc ();
      entry->checked_at = g_date_time_ref (entry->fetched_at);

      if (!oc3_program_cache_store (cache, "oc3-2024", entry, &error))
        {
          g_printerr ("store failed: %s\n", error->message);
          _exit (2);
        }
    }
}

static void
test_killed_while_writing (Fixture       *fixture,
                           gconstpointer  user_data)
{
  guint iterations = g_test_slow () ? 200 : 40;
  guint loaded_complete = 0;
  guint loaded_without_meta = 0;
  guint last_version = 0;

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(Oc3CacheEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) expected = NULL;
      guint first_version = (i + 1) * 1000;
      int status;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        write_forever (fixture->cache, first_version);

      /* Anywhere from before the first write to some writes in. */
      g_usleep (g_test_rand_int_range (0, 30000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      entry = oc3_program_cache_load (fixture->cache, "oc3-2024", &error);
      if (entry == NULL)
        {
          /* Only possible before anything was ever completely written. */
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
          g_assert_cmpuint (last_version, ==, 0);
          continue;
        }

      /* The whole of one version, byte for byte: never a mix, never cut. */
      last_version = program_version (entry->program);
      expected = make_program (last_version);
      g_assert_true (g_bytes_equal (entry->program, expected));

      /* The metadata belongs to that very version, or is set aside. */
      if (entry->etag != NULL)
        {
          g_autofree char *etag = g_strdup_printf ("\"v%u\"", last_version);

          g_assert_cmpstr (entry->etag, ==, etag);
          loaded_complete++;
        }
      else
        {
          g_assert_null (entry->fetched_at);
          loaded_without_meta++;
        }
    }

  g_test_message ("%u kills: %u loads with their metadata, %u with the metadata set aside",
                  iterations, loaded_complete, loaded_without_meta);
  g_assert_cmpuint (loaded_complete + loaded_without_meta, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/program-cache/missing", test_missing);
  ADD ("/program-cache/round-trip", test_round_trip);
  ADD ("/program-cache/replace", test_replace);
  ADD ("/program-cache/touch", test_touch);
  ADD ("/program-cache/invalid-ids", test_invalid_ids);
  ADD ("/program-cache/meta-of-another-program", test_meta_of_another_program);
  ADD ("/program-cache/corrupt-meta", test_corrupt_meta);
  ADD ("/program-cache/stale-temporaries", test_stale_temporaries);
  ADD ("/program-cache/async", test_async);
  ADD ("/program-cache/killed-while-writing", test_killed_while_writing);
  g_test_add_func ("/program-cache/default-directory", test_default_directory);

#undef ADD

  return g_test_run ();
}
