/* oc3-program-source.c — where a conference's program comes from: the last
 * good copy in the cache, refreshed from its address.
 *
 * A refresh is a conditional request; a 304 costs no parse. A new program
 * is parsed in a worker thread and only then stored and shown: a failed,
 * partial or invalid download never replaces the last good program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-program-change.h"
#include "oc3-program-source.h"
#include "oc3-schedule.h"
#include "oc3-time.h"

struct _Oc3ProgramSource
{
  GObject parent_instance;

  char              *id;
  char              *url;
  Oc3ProgramCache   *cache;
  Oc3ProgramFetcher *fetcher;
  Oc3RefreshPolicy  *policy;
  Oc3CacheEntry     *entry;      /* the last good response, for conditional requests */
  GTimeZone         *default_zone;  /* for programs that give no zone; NULL: local */
  gboolean           refreshing;
};

G_DEFINE_FINAL_TYPE (Oc3ProgramSource, oc3_program_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

Oc3ProgramSource *
oc3_program_source_new (const char        *conference_id,
                        Oc3ProgramCache   *cache,
                        Oc3ProgramFetcher *fetcher)
{
  Oc3ProgramSource *self;

  g_return_val_if_fail (conference_id != NULL, NULL);
  g_return_val_if_fail (OC3_IS_PROGRAM_CACHE (cache), NULL);
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (fetcher), NULL);

  self = g_object_new (OC3_TYPE_PROGRAM_SOURCE, NULL);
  self->id = g_strdup (conference_id);
  self->cache = g_object_ref (cache);
  self->fetcher = g_object_ref (fetcher);

  return self;
}

/* The id a conference added by its address or file is kept under (its
 * cached program, stars and reminders): the same location always gives the
 * same id, so that a program fetched for a preview is in the cache once the
 * conference is added, and adding it again finds its stars. */
char *
oc3_program_source_id_for_location (const char *location)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, location, -1);
  return g_strdup_printf ("added-%.16s", digest);
}

const char *
oc3_program_source_get_id (Oc3ProgramSource *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_SOURCE (self), NULL);

  return self->id;
}

const char *
oc3_program_source_get_url (Oc3ProgramSource *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_SOURCE (self), NULL);

  return self->url;
}

void
oc3_program_source_set_url (Oc3ProgramSource *self,
                            const char       *url)
{
  g_return_if_fail (OC3_IS_PROGRAM_SOURCE (self));

  if (url != NULL && *url == '\0')
    url = NULL;
  g_free (self->url);
  self->url = g_strdup (url);
}

/* The zone of times the program gives none for (FOSDEM's schedule.xml),
 * chosen when the conference was added; %NULL for the local zone. It
 * applies to the next parse, of the cached copy or of a download. */
void
oc3_program_source_set_default_zone (Oc3ProgramSource *self,
                                     GTimeZone        *zone)
{
  g_return_if_fail (OC3_IS_PROGRAM_SOURCE (self));

  if (zone != NULL)
    g_time_zone_ref (zone);
  g_clear_pointer (&self->default_zone, g_time_zone_unref);
  self->default_zone = zone;
}

GTimeZone *
oc3_program_source_get_default_zone (Oc3ProgramSource *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_SOURCE (self), NULL);

  return self->default_zone;
}

/* When the program shown was fetched: "Offline — program as of …". */
GDateTime *
oc3_program_source_get_fetched_at (Oc3ProgramSource *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_SOURCE (self), NULL);

  return self->entry != NULL ? self->entry->fetched_at : NULL;
}

Oc3RefreshPolicy *
oc3_program_source_get_policy (Oc3ProgramSource *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_SOURCE (self), NULL);

  return self->policy;
}

gboolean
oc3_program_source_get_refreshing (Oc3ProgramSource *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_SOURCE (self), FALSE);

  return self->refreshing;
}

static void
set_refreshing (Oc3ProgramSource *self,
                gboolean          refreshing)
{
  if (self->refreshing == refreshing)
    return;

  self->refreshing = refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

/* --- the cached copy ------------------------------------------------------- */

typedef struct
{
  Oc3CacheEntry *entry;
  Oc3Conference *conference;
} CachedProgram;

static void
cached_program_free (CachedProgram *cached)
{
  g_clear_pointer (&cached->entry, oc3_cache_entry_free);
  g_clear_object (&cached->conference);
  g_free (cached);
}

static void
load_cached_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Oc3ProgramSource *self = source_object;
  GTimeZone *default_zone = task_data;
  CachedProgram *cached = g_new0 (CachedProgram, 1);
  GError *error = NULL;

  cached->entry = oc3_program_cache_load (self->cache, self->id, &error);
  if (cached->entry == NULL)
    {
      /* No cache is not an error: the bundled program is shown instead. */
      g_clear_error (&error);
      g_task_return_pointer (task, cached, (GDestroyNotify) cached_program_free);
      return;
    }

  cached->conference = oc3_schedule_parse_with_zone (cached->entry->program, default_zone, &error);
  if (cached->conference == NULL)
    {
      /* A cached copy that no longer reads (from an older version, say) is
       * as good as none; the next refresh replaces it. */
      g_message ("The cached program of %s is unreadable: %s", self->id, error->message);
      g_clear_error (&error);
      g_clear_pointer (&cached->entry, oc3_cache_entry_free);
    }
  g_task_return_pointer (task, cached, (GDestroyNotify) cached_program_free);
}

void
oc3_program_source_load_cached_async (Oc3ProgramSource    *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OC3_IS_PROGRAM_SOURCE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_program_source_load_cached_async);
  /* The worker reads its own reference, not the source's field, which the
   * main thread may change meanwhile. */
  if (self->default_zone != NULL)
    g_task_set_task_data (task, g_time_zone_ref (self->default_zone), (GDestroyNotify) g_time_zone_unref);
  g_task_run_in_thread (task, load_cached_thread);
}

/* Returns the cached program (and remembers its response for conditional
 * requests), or %NULL without an error when nothing is cached. */
Oc3Conference *
oc3_program_source_load_cached_finish (Oc3ProgramSource  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  CachedProgram *cached;
  Oc3Conference *conference;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  cached = g_task_propagate_pointer (G_TASK (result), error);
  if (cached == NULL)
    return NULL;

  if (cached->entry != NULL)
    {
      g_clear_pointer (&self->entry, oc3_cache_entry_free);
      self->entry = g_steal_pointer (&cached->entry);
      oc3_refresh_policy_set_last_success (self->policy, self->entry->checked_at != NULL
                                                         ? self->entry->checked_at
                                                         : self->entry->fetched_at);
    }
  conference = g_steal_pointer (&cached->conference);
  cached_program_free (cached);

  return conference;
}

/* --- refreshing -------------------------------------------------------------- */

typedef struct
{
  Oc3Conference *current;
  Oc3Conference *new_program;
  GListModel    *changes;
  GTimeZone     *default_zone;  /* read by the parse in the fetcher's worker */
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_pointer (&data->default_zone, g_time_zone_unref);
  g_clear_object (&data->current);
  g_clear_object (&data->new_program);
  g_clear_object (&data->changes);
  g_free (data);
}

/* Runs in the fetcher's worker thread; @user_data is the refresh's
 * default zone, which outlives the fetch. */
static gpointer
parse_program (GBytes   *body,
               gpointer  user_data,
               GError  **error)
{
  return oc3_schedule_parse_with_zone (body, user_data, error);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree char *id = user_data;
  g_autoptr (GError) error = NULL;

  if (!oc3_program_cache_store_finish (OC3_PROGRAM_CACHE (source), result, &error))
    g_message ("Could not keep the program of %s for offline use: %s", id, error->message);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Oc3ProgramSource *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr (Oc3FetchResult) fetched = NULL;
  g_autoptr (GDateTime) now = oc3_time_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) cache_error = NULL;

  set_refreshing (self, FALSE);

  fetched = oc3_program_fetcher_fetch_finish (OC3_PROGRAM_FETCHER (source), result, &error);
  if (fetched == NULL)
    {
      oc3_refresh_policy_record_failure (self->policy, now);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  oc3_refresh_policy_record_success (self->policy, now);

  if (fetched->status == OC3_FETCH_STATUS_NOT_MODIFIED)
    {
      if (self->entry != NULL && !oc3_program_cache_touch (self->cache, self->id, fetched->checked_at, &cache_error))
        g_message ("Could not note the check of %s in the cache: %s", self->id, cache_error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Valid and parsed: now it may replace the last good copy. The durable
   * write (fsync) goes on in a thread; the new program is shown meanwhile. */
  oc3_program_cache_store_async (self->cache, self->id, fetched->entry, NULL, stored_cb, g_strdup (self->id));
  g_clear_pointer (&self->entry, oc3_cache_entry_free);
  self->entry = oc3_cache_entry_copy (fetched->entry);

  data->new_program = g_steal_pointer ((Oc3Conference **) &fetched->parsed);
  if (data->current != NULL)
    data->changes = oc3_program_changes_compare (data->current, data->new_program);
  g_task_return_boolean (task, TRUE);
}

/* Fetches the program from its address (conditionally, when there is a last
 * good copy) and compares it with @current. */
void
oc3_program_source_refresh_async (Oc3ProgramSource    *self,
                                  Oc3Conference       *current,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  RefreshData *data;

  g_return_if_fail (OC3_IS_PROGRAM_SOURCE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_program_source_refresh_async);
  data = g_new0 (RefreshData, 1);
  data->current = current != NULL ? g_object_ref (current) : NULL;
  data->default_zone = self->default_zone != NULL ? g_time_zone_ref (self->default_zone) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  if (self->url == NULL)
    {
      g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_UNSUPPORTED_URL,
                               "%s", _("This program has no address to refresh from."));
      return;
    }

  set_refreshing (self, TRUE);
  /* A changed address must not send the old address's validators. */
  oc3_program_fetcher_fetch_async (self->fetcher, self->url,
                                   self->entry != NULL && g_strcmp0 (self->entry->url, self->url) == 0
                                   ? self->entry : NULL,
                                   parse_program, data->default_zone, g_object_unref, cancellable,
                                   fetched_cb, g_steal_pointer (&task));
}

/* On success, @new_program is the new program (%NULL when it did not
 * change) and @changes what changed compared with the current one. */
gboolean
oc3_program_source_refresh_finish (Oc3ProgramSource  *self,
                                   GAsyncResult      *result,
                                   Oc3Conference    **new_program,
                                   GListModel       **changes,
                                   GError           **error)
{
  RefreshData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (new_program != NULL)
    *new_program = g_steal_pointer (&data->new_program);
  if (changes != NULL)
    *changes = g_steal_pointer (&data->changes);

  return TRUE;
}

static void
oc3_program_source_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  Oc3ProgramSource *self = OC3_PROGRAM_SOURCE (object);

  switch (prop_id)
    {
    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_program_source_finalize (GObject *object)
{
  Oc3ProgramSource *self = OC3_PROGRAM_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->entry, oc3_cache_entry_free);
  g_clear_pointer (&self->default_zone, g_time_zone_unref);
  g_clear_object (&self->cache);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (oc3_program_source_parent_class)->finalize (object);
}

static void
oc3_program_source_class_init (Oc3ProgramSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = oc3_program_source_get_property;
  object_class->finalize = oc3_program_source_finalize;

  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_program_source_init (Oc3ProgramSource *self)
{
  self->policy = oc3_refresh_policy_new ();
}
