/* test-search-index.c — the search index: accents and case, every word,
 * ranking, empty and fruitless queries, typing letter by letter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-schedule.h"
#include "oc3-search-index.h"

/* The guids in tests/search/data/oc3-search.schedule.json end in the talk's number. */
#define OPENING   "5e4a7c1e-0000-4000-8000-000000000001"
#define RUST_TEE  "5e4a7c1e-0000-4000-8000-000000000002"
#define ATTEST    "5e4a7c1e-0000-4000-8000-000000000003"
#define CC_PRACT  "5e4a7c1e-0000-4000-8000-000000000004"
#define WORKSHOP  "5e4a7c1e-0000-4000-8000-000000000005"
#define WHY_RUST  "5e4a7c1e-0000-4000-8000-000000000006"
#define CLOSING   "5e4a7c1e-0000-4000-8000-000000000007"

static Oc3Conference *
load (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  Oc3Conference *conference = oc3_schedule_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conference);
  return conference;
}

static Oc3Conference *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "search", "data",
                                            "oc3-search.schedule.json", NULL);

  return load (path);
}

/* The guids of the results, joined by spaces, for one readable comparison. */
static char *
guids_of (GListModel *results)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_true (g_list_model_get_item_type (results) == OC3_TYPE_TALK);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (results, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, oc3_talk_get_guid (talk));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
search (Oc3SearchIndex *index,
        const char     *query,
        guint           max_results)
{
  g_autoptr (GListModel) results = oc3_search_index_query (index, query, max_results);

  return guids_of (results);
}

#define assert_search(index, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search ((index), (query), 0); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_normalize (void)
{
  const struct {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "König", "konig" },
    { "São Paulo", "sao paulo" },
    { "ÄRGER", "arger" },
    { "Straße", "strasse" },
    { "Øystein Łukasz", "oystein lukasz" },
    { "ﬁle", "file" },
    { "Zoé", "zoe" },
    /* Composed and decomposed input are the same once normalised. */
    { "Jo\xcc\x88rg", "jorg" },
    { "", "" },
    { NULL, "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = oc3_search_normalize (cases[i].text);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
test_split_query (void)
{
  g_auto (GStrv) words = oc3_search_split_query ("  Säo\tPAULO  \n ");
  g_auto (GStrv) none = oc3_search_split_query (" \t ");

  g_assert_cmpstrv (words, ((const char *[]) { "sao", "paulo", NULL }));
  g_assert_cmpstrv (none, ((const char *[]) { NULL }));
}

static void
test_accents_and_case (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new (conference);

  assert_search (index, "konig", RUST_TEE);
  assert_search (index, "KÖNIG", RUST_TEE);
  assert_search (index, "jurgen konig", RUST_TEE);
  assert_search (index, "perez", CC_PRACT);
  assert_search (index, "oystein", WHY_RUST);
  /* The room, which is other text: both talks there, by start. */
  assert_search (index, "sao paulo", ATTEST " " CLOSING);
  assert_search (index, "São Paulo", ATTEST " " CLOSING);
}

static void
test_every_word_must_match (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new (conference);

  /* "borrow" is only in the description of one talk about Rust. */
  assert_search (index, "rust borrow", RUST_TEE);
  assert_search (index, "borrow rust", RUST_TEE);
  assert_search (index, "rust closing", "");
  /* Words may be parts of words: "seal" in "Sealed", the subtitle's "hands". */
  assert_search (index, "seal hands", WORKSHOP);
  /* The track is searched too. */
  assert_search (index, "workshops", WORKSHOP);
}

static void
test_ranking (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new (conference);
  g_autofree char *first_two = NULL;

  /* Titles first (by start, though "Why Rust?" is a day later than the
   * abstract that mentions Rust), then the speaker Rusty Russell, then the
   * opening's abstract. */
  assert_search (index, "rust", RUST_TEE " " WHY_RUST " " ATTEST " " OPENING);

  /* The talk with both words in its title comes before the earlier one that
   * has them only in its track's name. */
  assert_search (index, "confidential computing", CC_PRACT " " RUST_TEE);
  /* A talk ranks by its weakest word: "rust" is in a title but "enclaves"
   * only in the abstract, so that talk ranks with the opening, whose abstract
   * has both, and comes after it by start. */
  assert_search (index, "rust enclaves", OPENING " " RUST_TEE);
  assert_search (index, "computing practice", CC_PRACT);

  first_two = search (index, "rust", 2);
  g_assert_cmpstr (first_two, ==, RUST_TEE " " WHY_RUST);
}

static void
test_empty_and_no_results (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new (conference);
  g_autoptr (GListModel) empty = oc3_search_index_query (index, "", 0);
  g_autoptr (GListModel) blank = oc3_search_index_query (index, "  \t ", 0);
  g_autoptr (GListModel) null = oc3_search_index_query (index, NULL, 0);
  g_autoptr (GListModel) nothing = oc3_search_index_query (index, "xyzzy", 0);

  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (blank), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (null), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nothing), ==, 0);
}

static void
test_persons (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new (conference);
  g_autoptr (GListModel) maria = oc3_search_index_query_persons (index, "maria", 0);
  g_autoptr (GListModel) nobody = oc3_search_index_query_persons (index, "maria konig", 0);
  g_autoptr (GListModel) empty = oc3_search_index_query_persons (index, "", 0);
  g_autoptr (Oc3Person) person = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (maria), ==, 1);
  person = g_list_model_get_item (maria, 0);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "María Pérez");
  g_assert_cmpuint (g_list_model_get_n_items (nobody), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
}

/* Typing, deleting and retyping: the index narrows the last matches when it
 * can, and must find exactly what a fresh index finds. (An empty query makes
 * an index forget its last query, so one reference index does.) */
static void
assert_typing_matches_fresh_index (Oc3Conference *conference,
                                   const char    *text)
{
  g_autoptr (Oc3SearchIndex) typing = oc3_search_index_new (conference);
  g_autoptr (Oc3SearchIndex) fresh = oc3_search_index_new (conference);
  glong length = g_utf8_strlen (text, -1);

  for (int pass = 0; pass < 2; pass++)
    {
      for (glong n = 0; n <= length; n++)
        {
          /* Forwards on the first pass, backwards (deleting) on the second. */
          glong chars = pass == 0 ? n : length - n;
          g_autofree char *query = g_utf8_substring (text, 0, chars);
          g_autofree char *typed = search (typing, query, 0);
          g_autofree char *forgotten = search (fresh, "", 0);
          g_autofree char *expected = search (fresh, query, 0);

          g_assert_cmpstr (typed, ==, expected);
        }
    }
}

static void
test_typing (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();

  assert_typing_matches_fresh_index (conference, "confidential computing");
  assert_typing_matches_fresh_index (conference, "rust  enclaves");
  assert_typing_matches_fresh_index (conference, "São Paulo");
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (Oc3SearchIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GAsyncResult) cancelled_result = NULL;
  g_autoptr (Oc3SearchIndex) none = NULL;

  oc3_search_index_new_async (conference, NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  index = oc3_search_index_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (oc3_search_index_get_conference (index) == conference);
  assert_search (index, "konig", RUST_TEE);

  g_cancellable_cancel (cancelled);
  oc3_search_index_new_async (conference, cancelled, got_result_cb, &cancelled_result);
  while (cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  none = oc3_search_index_new_finish (cancelled_result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
}

/* The real 39C3 program (895 talks), when the team's fixtures are there. */
static Oc3Conference *
load_39c3 (void)
{
  const char *fixtures = g_getenv ("OC3_FIXTURES");
  g_autofree char *path = NULL;

  if (fixtures == NULL || !g_file_test (fixtures, G_FILE_TEST_IS_DIR))
    return NULL;

  path = g_build_filename (fixtures, "c3voc-39C3_everything.schedule.json", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return load (path);
}

static gboolean
results_contain_title (GListModel *results,
                       const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (results, i);

      if (g_strcmp0 (oc3_talk_get_title (talk), title) == 0)
        return TRUE;
    }

  return FALSE;
}

/* For a one-word query: the talks with the word in their title come first,
 * in order of start; then the others, also in order of start within a rank. */
static void
assert_titles_first (Oc3SearchIndex *index,
                     const char     *word)
{
  g_autoptr (GListModel) results = oc3_search_index_query (index, word, 0);
  g_autoptr (GDateTime) previous_start = NULL;
  gboolean in_titles = TRUE;
  guint n_titles = 0;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (results, i);
      g_autofree char *title = oc3_search_normalize (oc3_talk_get_title (talk));
      gboolean in_title = strstr (title, word) != NULL;

      if (in_titles && !in_title)
        {
          in_titles = FALSE;
          g_clear_pointer (&previous_start, g_date_time_unref);
        }

      g_assert_true (in_title == in_titles);
      n_titles += in_title;

      /* Within the title rank, by start. */
      if (in_titles && previous_start != NULL)
        g_assert_cmpint (g_date_time_compare (previous_start, oc3_talk_get_start (talk)), <=, 0);
      g_clear_pointer (&previous_start, g_date_time_unref);
      previous_start = g_date_time_ref (oc3_talk_get_start (talk));
    }

  g_assert_cmpuint (n_titles, >, 0);
}

static void
test_39c3 (void)
{
  g_autoptr (Oc3Conference) conference = load_39c3 ();
  g_autoptr (Oc3SearchIndex) index = NULL;
  g_autoptr (GListModel) kuhnreich = NULL;
  g_autoptr (GListModel) vazquez = NULL;
  g_autoptr (GListModel) opening = NULL;
  g_autoptr (GListModel) nonsense = NULL;
  g_autoptr (Oc3Talk) first = NULL;

  if (conference == NULL)
    {
      g_test_skip ("OC3_FIXTURES does not point to the team's fixtures");
      return;
    }

  index = oc3_search_index_new (conference);

  kuhnreich = oc3_search_index_query (index, "kuhnreich", 0);
  g_assert_true (results_contain_title (kuhnreich,
                                        "All Sorted by Machines of Loving Grace? \"AI\", "
                                        "Cybernetics, and Fascism and how to Intervene"));

  vazquez = oc3_search_index_query (index, "VAZQUEZ bluetooth", 0);
  g_assert_true (results_contain_title (vazquez, "Liberating Bluetooth on the ESP32"));

  opening = oc3_search_index_query (index, "opening ceremony", 0);
  g_assert_cmpuint (g_list_model_get_n_items (opening), >=, 1);
  first = g_list_model_get_item (opening, 0);
  g_assert_cmpstr (oc3_talk_get_title (first), ==, "Opening Ceremony");

  assert_titles_first (index, "bluetooth");
  assert_titles_first (index, "hack");

  nonsense = oc3_search_index_query (index, "qwxzvbnmkj", 0);
  g_assert_cmpuint (g_list_model_get_n_items (nonsense), ==, 0);

  assert_typing_matches_fresh_index (conference, "confidential computing");
  assert_typing_matches_fresh_index (conference, "Sprachassistent Überwachung");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize", test_normalize);
  g_test_add_func ("/search/split-query", test_split_query);
  g_test_add_func ("/search/accents-and-case", test_accents_and_case);
  g_test_add_func ("/search/every-word-must-match", test_every_word_must_match);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/empty-and-no-results", test_empty_and_no_results);
  g_test_add_func ("/search/persons", test_persons);
  g_test_add_func ("/search/typing", test_typing);
  g_test_add_func ("/search/async", test_async);
  g_test_add_func ("/search/39c3", test_39c3);

  return g_test_run ();
}
