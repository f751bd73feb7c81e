/* oc3-search-index.c — finding talks and speakers by what people remember of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-search-index.h"

/*
 * The index keeps, for each talk, one normalised text: title, speakers and
 * the rest (subtitle, abstract, description, track, room), in that order and
 * separated by newlines. Normalised means case-folded, NFKD-decomposed and
 * stripped of combining marks, so that "konig" finds "König" and "sao paulo"
 * finds "São Paulo"; queries go through the same normalisation.
 *
 * A talk matches when every word of the query occurs somewhere in its text.
 * As the fields come in order of importance, the first occurrence of a word
 * tells the best field it matches in; a talk ranks by its weakest word, so
 * "title" means every word is in the title.
 *
 * Typing a query one letter at a time only ever narrows it, so the index
 * remembers the matches of the last query and searches only those when the
 * next query extends it. That state makes the index an object for one thread:
 * build it anywhere, query it from the main thread.
 *
 * Building it normalises about 1 MB of text for a large congress (39C3),
 * which takes tens of milliseconds: oc3_search_index_new_async() does that in
 * a worker thread. The conference is read-only, so sharing it is safe.
 */

typedef enum {
  RANK_TITLE,
  RANK_SPEAKER,
  RANK_OTHER,
  N_RANKS
} Rank;

typedef struct
{
  Oc3Talk *talk;
  char    *text;
  gsize    title_end;
  gsize    speakers_end;
} TalkEntry;

typedef struct
{
  Oc3Person *person;
  char      *name;
} PersonEntry;

typedef struct
{
  guint entry;
  Rank  rank;
} Match;

struct _Oc3SearchIndex
{
  GObject        parent_instance;

  Oc3Conference *conference;
  GArray        *talks;   /* of TalkEntry, in the conference's order (by start) */
  GArray        *persons; /* of PersonEntry, in the conference's order (by name) */

  /* The last talk query, its words joined by single spaces, and all its
   * matches (not only the first max_results). */
  char          *last_query;
  GArray        *last_matches;
};

G_DEFINE_FINAL_TYPE (Oc3SearchIndex, oc3_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONFERENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Letters that NFKD leaves whole, but that people type without their stroke
 * or as two letters. Applied after case folding, so lower case only. */
static const struct {
  gunichar    letter;
  const char *replacement;
} extra_folds[] = {
  { 0x00E6, "ae" }, /* æ */
  { 0x00F0, "d" },  /* ð */
  { 0x00F8, "o" },  /* ø */
  { 0x00FE, "th" }, /* þ */
  { 0x0111, "d" },  /* đ */
  { 0x0127, "h" },  /* ħ */
  { 0x0131, "i" },  /* ı */
  { 0x0142, "l" },  /* ł */
  { 0x0153, "oe" }, /* œ */
  { 0x0167, "t" },  /* ŧ */
};

static const char *
extra_fold (gunichar c)
{
  for (gsize i = 0; i < G_N_ELEMENTS (extra_folds); i++)
    {
      if (extra_folds[i].letter == c)
        return extra_folds[i].replacement;
    }

  return NULL;
}

/* Appends the normalised form of a run of non-ASCII characters. Folding and
 * decomposing work character by character (the canonical reordering they
 * also do only moves combining marks, which are dropped), so runs can be
 * normalised apart from the ASCII around them. */
static void
append_normalized_run (GString    *out,
                       const char *run,
                       gssize      length)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;

  /* Fold first: folding can produce letters with marks (İ becomes i and a
   * combining dot), which the decomposition then separates. */
  folded = g_utf8_casefold (run, length);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *replacement;

      if (g_unichar_ismark (c))
        continue;

      replacement = extra_fold (c);
      if (replacement != NULL)
        g_string_append (out, replacement);
      else
        g_string_append_unichar (out, c);
    }
}

static void
append_normalized (GString    *out,
                   const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL || *text == '\0')
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* Most text is ASCII, which only needs lower case: much cheaper than
   * folding and decomposing, which dominate building the index. */
  for (p = text; *p != '\0';)
    {
      const char *run = p;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }

      while (*p != '\0' && (guchar) *p >= 0x80)
        p++;
      append_normalized_run (out, run, p - run);
    }
}

/**
 * oc3_search_normalize:
 * @text: (nullable): UTF-8 text
 *
 * The form in which the index compares text: case-folded, compatibility
 * decomposed, without combining marks ("Ärger in São Paulo" becomes
 * "arger in sao paulo").
 *
 * Returns: (transfer full): the normalised text
 */
char *
oc3_search_normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  append_normalized (out, text);
  return g_string_free (out, FALSE);
}

/**
 * oc3_search_split_query:
 * @query: (nullable): what the user typed
 *
 * Returns: (transfer full): the normalised words of @query, none empty
 */
char **
oc3_search_split_query (const char *query)
{
  g_autofree char *normalized = oc3_search_normalize (query);
  GPtrArray *words = g_ptr_array_new ();
  const char *start = NULL;

  for (const char *p = normalized;; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!end && start == NULL)
        {
          start = p;
        }

      if (*p == '\0')
        break;
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static void
talk_entry_clear (gpointer data)
{
  TalkEntry *entry = data;

  g_clear_object (&entry->talk);
  g_clear_pointer (&entry->text, g_free);
}

static void
person_entry_clear (gpointer data)
{
  PersonEntry *entry = data;

  g_clear_object (&entry->person);
  g_clear_pointer (&entry->name, g_free);
}

static void
build_talk_entry (TalkEntry *entry,
                  Oc3Talk   *talk,
                  GString   *text)
{
  GListModel *persons = oc3_talk_get_persons (talk);
  Oc3Track *track = oc3_talk_get_track (talk);
  Oc3Room *room = oc3_talk_get_room (talk);
  guint n_persons = persons != NULL ? g_list_model_get_n_items (persons) : 0;

  g_string_truncate (text, 0);

  append_normalized (text, oc3_talk_get_title (talk));
  entry->title_end = text->len;
  g_string_append_c (text, '\n');

  for (guint i = 0; i < n_persons; i++)
    {
      g_autoptr (Oc3Person) person = g_list_model_get_item (persons, i);

      append_normalized (text, oc3_person_get_name (person));
      g_string_append_c (text, '\n');
    }
  entry->speakers_end = text->len;

  append_normalized (text, oc3_talk_get_subtitle (talk));
  g_string_append_c (text, '\n');
  append_normalized (text, oc3_talk_get_abstract (talk));
  g_string_append_c (text, '\n');
  append_normalized (text, oc3_talk_get_description (talk));
  g_string_append_c (text, '\n');
  if (track != NULL)
    append_normalized (text, oc3_track_get_name (track));
  g_string_append_c (text, '\n');
  if (room != NULL)
    append_normalized (text, oc3_room_get_name (room));

  entry->talk = g_object_ref (talk);
  entry->text = g_strndup (text->str, text->len);
}

static void
build (Oc3SearchIndex *self)
{
  GListModel *talks = oc3_conference_get_talks (self->conference);
  GListModel *persons = oc3_conference_get_persons (self->conference);
  guint n_talks = g_list_model_get_n_items (talks);
  guint n_persons = g_list_model_get_n_items (persons);
  g_autoptr (GString) text = g_string_sized_new (4096);

  g_array_set_size (self->talks, n_talks);
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);

      build_talk_entry (&g_array_index (self->talks, TalkEntry, i), talk, text);
    }

  g_array_set_size (self->persons, n_persons);
  for (guint i = 0; i < n_persons; i++)
    {
      g_autoptr (Oc3Person) person = g_list_model_get_item (persons, i);
      PersonEntry *entry = &g_array_index (self->persons, PersonEntry, i);

      entry->person = g_object_ref (person);
      entry->name = oc3_search_normalize (oc3_person_get_name (person));
    }
}

static Oc3SearchIndex *
new_unbuilt (Oc3Conference *conference)
{
  return g_object_new (OC3_TYPE_SEARCH_INDEX, "conference", conference, NULL);
}

/**
 * oc3_search_index_new:
 * @conference: the conference to search
 *
 * Builds the index in the calling thread; see oc3_search_index_new_async().
 *
 * Returns: (transfer full): a new index
 */
Oc3SearchIndex *
oc3_search_index_new (Oc3Conference *conference)
{
  Oc3SearchIndex *self;

  g_return_val_if_fail (OC3_IS_CONFERENCE (conference), NULL);

  self = new_unbuilt (conference);
  build (self);
  return self;
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Oc3SearchIndex *self = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;

  build (self);
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

/**
 * oc3_search_index_new_async:
 * @conference: the conference to search
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when the index is built
 * @user_data: for @callback
 *
 * Builds the index in a worker thread. Keep a reference to @conference until
 * @callback runs, so that it is not finalised in the worker.
 */
void
oc3_search_index_new_async (Oc3Conference       *conference,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OC3_IS_CONFERENCE (conference));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_search_index_new_async);
  g_task_set_task_data (task, new_unbuilt (conference), g_object_unref);
  g_task_run_in_thread (task, build_in_thread);
}

/**
 * oc3_search_index_new_finish:
 * @result: the result passed to the callback
 * @error: return location for an error (only %G_IO_ERROR_CANCELLED)
 *
 * Returns: (transfer full) (nullable): the index, or %NULL when cancelled
 */
Oc3SearchIndex *
oc3_search_index_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == oc3_search_index_new_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * oc3_search_index_get_conference:
 * @self: a #Oc3SearchIndex
 *
 * Returns: (transfer none): the conference the index searches
 */
Oc3Conference *
oc3_search_index_get_conference (Oc3SearchIndex *self)
{
  g_return_val_if_fail (OC3_IS_SEARCH_INDEX (self), NULL);

  return self->conference;
}

static gboolean
match_talk (const TalkEntry  *entry,
            char            **words,
            Rank             *out_rank)
{
  Rank rank = RANK_TITLE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *hit = strstr (entry->text, words[i]);
      gsize offset;

      if (hit == NULL)
        return FALSE;

      offset = hit - entry->text;
      if (offset >= entry->speakers_end)
        rank = RANK_OTHER;
      else if (offset >= entry->title_end)
        rank = MAX (rank, RANK_SPEAKER);
    }

  *out_rank = rank;
  return TRUE;
}

/**
 * oc3_search_index_query:
 * @self: a #Oc3SearchIndex
 * @query: (nullable): what the user typed
 * @max_results: at most this many talks, or 0 for all
 *
 * Finds the talks in whose title, speakers, subtitle, abstract, description,
 * track or room every word of @query occurs, ignoring case and accents. Talks
 * with every word in the title come first, then those with every word in the
 * title or speakers, then the others; each group by start time.
 *
 * Returns: (transfer full): a list of #Oc3Talk, empty for an empty query
 */
GListModel *
oc3_search_index_query (Oc3SearchIndex *self,
                        const char     *query,
                        guint           max_results)
{
  g_auto (GStrv) words = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr (GArray) matches = NULL;
  g_autofree gpointer *items = NULL;
  GListStore *results;
  guint counts[N_RANKS] = { 0 };
  guint next[N_RANKS];
  guint n_results;
  gboolean narrowing;
  guint n_candidates;

  g_return_val_if_fail (OC3_IS_SEARCH_INDEX (self), NULL);

  results = g_list_store_new (OC3_TYPE_TALK);
  words = oc3_search_split_query (query);
  if (words[0] == NULL)
    {
      g_clear_pointer (&self->last_query, g_free);
      g_clear_pointer (&self->last_matches, g_array_unref);
      return G_LIST_MODEL (results);
    }

  /* If the new query starts with the last one, each of the last words is a
   * word of the new query or a prefix of one: the new matches are among the
   * last ones. */
  canonical = g_strjoinv (" ", words);
  narrowing = self->last_query != NULL && g_str_has_prefix (canonical, self->last_query);
  n_candidates = narrowing ? self->last_matches->len : self->talks->len;
  matches = g_array_sized_new (FALSE, FALSE, sizeof (Match), narrowing ? n_candidates : 64);

  for (guint i = 0; i < n_candidates; i++)
    {
      guint entry = narrowing ? g_array_index (self->last_matches, Match, i).entry : i;
      Match match = { entry, RANK_OTHER };

      if (match_talk (&g_array_index (self->talks, TalkEntry, entry), words, &match.rank))
        {
          g_array_append_val (matches, match);
          counts[match.rank]++;
        }
    }

  /* A counting sort by rank keeps the index's order (by start) within a rank. */
  n_results = max_results > 0 ? MIN (max_results, matches->len) : matches->len;
  items = g_new (gpointer, MAX (n_results, 1));
  next[RANK_TITLE] = 0;
  next[RANK_SPEAKER] = counts[RANK_TITLE];
  next[RANK_OTHER] = counts[RANK_TITLE] + counts[RANK_SPEAKER];
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      guint position = next[match->rank]++;

      if (position < n_results)
        items[position] = g_array_index (self->talks, TalkEntry, match->entry).talk;
    }
  g_list_store_splice (results, 0, 0, items, n_results);

  g_free (self->last_query);
  self->last_query = g_steal_pointer (&canonical);
  g_clear_pointer (&self->last_matches, g_array_unref);
  self->last_matches = g_steal_pointer (&matches);

  return G_LIST_MODEL (results);
}

/**
 * oc3_search_index_query_persons:
 * @self: a #Oc3SearchIndex
 * @query: (nullable): what the user typed
 * @max_results: at most this many people, or 0 for all
 *
 * Finds the people in whose name every word of @query occurs, ignoring case
 * and accents, sorted by name.
 *
 * Returns: (transfer full): a list of #Oc3Person, empty for an empty query
 */
GListModel *
oc3_search_index_query_persons (Oc3SearchIndex *self,
                                const char     *query,
                                guint           max_results)
{
  g_auto (GStrv) words = NULL;
  GListStore *results;
  guint n_results = 0;

  g_return_val_if_fail (OC3_IS_SEARCH_INDEX (self), NULL);

  results = g_list_store_new (OC3_TYPE_PERSON);
  words = oc3_search_split_query (query);
  if (words[0] == NULL)
    return G_LIST_MODEL (results);

  for (guint i = 0; i < self->persons->len; i++)
    {
      const PersonEntry *entry = &g_array_index (self->persons, PersonEntry, i);
      gboolean all = TRUE;

      for (guint w = 0; all && words[w] != NULL; w++)
        all = strstr (entry->name, words[w]) != NULL;

      if (!all)
        continue;

      g_list_store_append (results, entry->person);
      if (++n_results == max_results)
        break;
    }

  return G_LIST_MODEL (results);
}

static void
oc3_search_index_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  Oc3SearchIndex *self = OC3_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      g_value_set_object (value, self->conference);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_search_index_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  Oc3SearchIndex *self = OC3_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      self->conference = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_search_index_finalize (GObject *object)
{
  Oc3SearchIndex *self = OC3_SEARCH_INDEX (object);

  g_clear_pointer (&self->talks, g_array_unref);
  g_clear_pointer (&self->persons, g_array_unref);
  g_clear_pointer (&self->last_query, g_free);
  g_clear_pointer (&self->last_matches, g_array_unref);
  g_clear_object (&self->conference);

  G_OBJECT_CLASS (oc3_search_index_parent_class)->finalize (object);
}

static void
oc3_search_index_class_init (Oc3SearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = oc3_search_index_get_property;
  object_class->set_property = oc3_search_index_set_property;
  object_class->finalize = oc3_search_index_finalize;

  properties[PROP_CONFERENCE] =
    g_param_spec_object ("conference", NULL, NULL, OC3_TYPE_CONFERENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_search_index_init (Oc3SearchIndex *self)
{
  self->talks = g_array_new (FALSE, TRUE, sizeof (TalkEntry));
  g_array_set_clear_func (self->talks, talk_entry_clear);
  self->persons = g_array_new (FALSE, TRUE, sizeof (PersonEntry));
  g_array_set_clear_func (self->persons, person_entry_clear);
}
