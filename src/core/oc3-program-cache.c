/* oc3-program-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "oc3-program-cache.h"

/* The last good program of each conference, so that OC3 starts with it
 * offline and asks the server only whether it changed.
 *
 * Layout: <directory>/<conference-id>/program.json holds the bytes exactly as
 * downloaded; meta.json beside it holds where they came from, their ETag and
 * Last-Modified, when they were fetched and last confirmed, and their size
 * and SHA-256.
 *
 * Each file is replaced atomically (a temporary file in the same directory,
 * fsync, rename: g_file_set_contents_full() with CONSISTENT | DURABLE), so
 * each is always either the old or the new version, whole.  The pair is
 * written program first, then meta.  A crash between the two renames leaves
 * the new program with the old meta; meta's size and checksum tell, and
 * load() then returns the new program without the old validators (no ETag,
 * no dates), so that the next refresh downloads unconditionally instead of
 * asking "changed since <old ETag>?" about bytes that ETag never described.
 * One combined file would avoid the check, but would make the cached program
 * something other than the bytes the server sent, and two small atomic
 * renames with a checksum are simpler than a container format.
 */

#define META_VERSION 1

struct _Oc3ProgramCache
{
  GObject  parent_instance;

  char    *directory;
  /* Serialises writers within this process: each write starts by removing
   * temporary files that an earlier crash left behind, which must not be
   * another thread's write in progress. */
  GMutex   mutex;
};

G_DEFINE_FINAL_TYPE (Oc3ProgramCache, oc3_program_cache, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (Oc3CacheEntry, oc3_cache_entry, oc3_cache_entry_copy, oc3_cache_entry_free)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

Oc3CacheEntry *
oc3_cache_entry_new (void)
{
  return g_new0 (Oc3CacheEntry, 1);
}

Oc3CacheEntry *
oc3_cache_entry_copy (const Oc3CacheEntry *entry)
{
  Oc3CacheEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = oc3_cache_entry_new ();
  copy->program = entry->program ? g_bytes_ref (entry->program) : NULL;
  copy->url = g_strdup (entry->url);
  copy->final_url = g_strdup (entry->final_url);
  copy->etag = g_strdup (entry->etag);
  copy->last_modified = g_strdup (entry->last_modified);
  copy->fetched_at = entry->fetched_at ? g_date_time_ref (entry->fetched_at) : NULL;
  copy->checked_at = entry->checked_at ? g_date_time_ref (entry->checked_at) : NULL;

  return copy;
}

void
oc3_cache_entry_free (Oc3CacheEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->program, g_bytes_unref);
  g_clear_pointer (&entry->url, g_free);
  g_clear_pointer (&entry->final_url, g_free);
  g_clear_pointer (&entry->etag, g_free);
  g_clear_pointer (&entry->last_modified, g_free);
  g_clear_pointer (&entry->fetched_at, g_date_time_unref);
  g_clear_pointer (&entry->checked_at, g_date_time_unref);
  g_free (entry);
}

static void
oc3_program_cache_finalize (GObject *object)
{
  Oc3ProgramCache *self = OC3_PROGRAM_CACHE (object);

  g_clear_pointer (&self->directory, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (oc3_program_cache_parent_class)->finalize (object);
}

static void
oc3_program_cache_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  Oc3ProgramCache *self = OC3_PROGRAM_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_program_cache_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  Oc3ProgramCache *self = OC3_PROGRAM_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_free (self->directory);
      self->directory = g_value_dup_string (value);
      if (self->directory == NULL)
        self->directory = g_build_filename (g_get_user_cache_dir (), "oc3", NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_program_cache_class_init (Oc3ProgramCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_program_cache_finalize;
  object_class->get_property = oc3_program_cache_get_property;
  object_class->set_property = oc3_program_cache_set_property;

  /**
   * Oc3ProgramCache:directory:
   *
   * Where the conferences' folders are; %NULL at construction means
   * `$XDG_CACHE_HOME/oc3`.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_program_cache_init (Oc3ProgramCache *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * oc3_program_cache_new:
 * @directory: (nullable): the cache's folder, or %NULL for
 *   `$XDG_CACHE_HOME/oc3`
 */
Oc3ProgramCache *
oc3_program_cache_new (const char *directory)
{
  return g_object_new (OC3_TYPE_PROGRAM_CACHE, "directory", directory, NULL);
}

const char *
oc3_program_cache_get_directory (Oc3ProgramCache *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_CACHE (self), NULL);

  return self->directory;
}

/**
 * oc3_program_cache_is_valid_id:
 *
 * Conference ids become folder names, and may come from downloaded data:
 * only ASCII letters, digits, '.', '_' and '-' are allowed, not first a '.',
 * so that no id can name a path outside the cache ("..", "a/b") or a hidden
 * file.
 */
gboolean
oc3_program_cache_is_valid_id (const char *conference_id)
{
  if (conference_id == NULL || conference_id[0] == '\0' || conference_id[0] == '.')
    return FALSE;

  for (const char *p = conference_id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
        return FALSE;
      if (p - conference_id >= 128)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_id (const char  *conference_id,
          GError     **error)
{
  if (oc3_program_cache_is_valid_id (conference_id))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
               "“%s” is not a valid conference id for the cache",
               conference_id ? conference_id : "(null)");
  return FALSE;
}

static char *
checksum_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
meta_describes (GBytes     *program,
                gint64      recorded_size,
                const char *recorded_sha256)
{
  g_autofree char *actual_sha256 = NULL;

  if (recorded_sha256 == NULL || recorded_size != (gint64) g_bytes_get_size (program))
    return FALSE;

  actual_sha256 = checksum_of (program);
  return g_str_equal (actual_sha256, recorded_sha256);
}

/* Reads a whole file, reporting errors in the G_IO_ERROR domain like the
 * rest of the API. */
static char *
read_file (const char  *path,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return NULL;
    }

  return contents;
}

/* Only what the files need. */
static JsonNode *
meta_to_json (const Oc3CacheEntry *entry,
              gsize                size,
              const char          *sha256)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

#define ADD_STRING(name, value) \
  G_STMT_START { \
    if ((value) != NULL) \
      { \
        json_builder_set_member_name (builder, name); \
        json_builder_add_string_value (builder, value); \
      } \
  } G_STMT_END

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, META_VERSION);
  ADD_STRING ("url", entry->url);
  ADD_STRING ("final-url", entry->final_url);
  ADD_STRING ("etag", entry->etag);
  ADD_STRING ("last-modified", entry->last_modified);
  if (entry->fetched_at != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (entry->fetched_at);
      ADD_STRING ("fetched", text);
    }
  if (entry->checked_at != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (entry->checked_at);
      ADD_STRING ("checked", text);
    }
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) size);
  ADD_STRING ("sha256", sha256);
  json_builder_end_object (builder);

#undef ADD_STRING

  return json_builder_get_root (builder);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static GDateTime *
get_date_member (JsonObject *object,
                 const char *name)
{
  const char *text = get_string_member (object, name);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Reads meta.json into a new entry (without the program), and the size and
 * checksum it records of the program.  NULL if it is missing or unreadable. */
static Oc3CacheEntry *
read_meta (const char  *path,
           gint64      *size,
           char       **sha256,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(Oc3CacheEntry) entry = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *node;
  gsize length;

  text = read_file (path, &length, error);
  if (text == NULL || !json_parser_load_from_data (parser, text, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not a JSON object", path);
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_int (node) != META_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s has an unknown version", path);
      return NULL;
    }

  entry = oc3_cache_entry_new ();
  entry->url = g_strdup (get_string_member (object, "url"));
  entry->final_url = g_strdup (get_string_member (object, "final-url"));
  entry->etag = g_strdup (get_string_member (object, "etag"));
  entry->last_modified = g_strdup (get_string_member (object, "last-modified"));
  entry->fetched_at = get_date_member (object, "fetched");
  entry->checked_at = get_date_member (object, "checked");

  node = json_object_get_member (object, "size");
  *size = (node != NULL && JSON_NODE_HOLDS_VALUE (node)) ? json_node_get_int (node) : -1;
  *sha256 = g_strdup (get_string_member (object, "sha256"));

  return g_steal_pointer (&entry);
}

/* Makes a rename in @directory survive a power cut, not only a crash. */
static void
sync_directory (const char *directory)
{
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync %s: %s", directory, g_strerror (errno));
  close (fd);
}

/* g_file_set_contents_full() writes a temporary "program.json.XXXXXX" (or
 * "meta.json.XXXXXX") and renames it; a crash or a kill in between leaves
 * the temporary file behind. */
static void
remove_stale_temporaries (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if ((g_str_has_prefix (name, "program.json.") || g_str_has_prefix (name, "meta.json.")) &&
          strlen (strrchr (name, '.')) == 7)
        {
          g_autofree char *path = g_build_filename (directory, name, NULL);
          g_unlink (path);
        }
    }
}

static gboolean
write_meta (const char          *path,
            const Oc3CacheEntry *entry,
            gsize                size,
            const char          *sha256,
            GError             **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = meta_to_json (entry, size, sha256);
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_file_set_contents_full (path, text, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/**
 * oc3_program_cache_load:
 * @conference_id: which conference
 *
 * Reads the cached program of @conference_id.  Blocks on disk I/O (and
 * checksums the program): call it from a worker thread if that matters.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %G_IO_ERROR_NOT_FOUND if nothing is cached.  If the metadata does not
 *   describe the program (an interrupted store), the program is returned
 *   without ETag, Last-Modified and dates, so that the next refresh
 *   downloads it again unconditionally.
 */
Oc3CacheEntry *
oc3_program_cache_load (Oc3ProgramCache  *self,
                        const char       *conference_id,
                        GError          **error)
{
  g_autoptr(Oc3CacheEntry) entry = NULL;
  g_autoptr(GError) meta_error = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *program_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *recorded_sha256 = NULL;
  g_autofree char *contents = NULL;
  gint64 recorded_size = -1;
  gsize length;

  g_return_val_if_fail (OC3_IS_PROGRAM_CACHE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (conference_id, error))
    return NULL;

  program_path = g_build_filename (self->directory, conference_id, "program.json", NULL);
  meta_path = g_build_filename (self->directory, conference_id, "meta.json", NULL);

  locker = g_mutex_locker_new (&self->mutex);

  contents = read_file (program_path, &length, error);
  if (contents == NULL)
    return NULL;

  entry = read_meta (meta_path, &recorded_size, &recorded_sha256, &meta_error);
  if (entry == NULL)
    g_debug ("No usable metadata for the cached program of %s: %s",
             conference_id, meta_error->message);

  entry = entry ? entry : oc3_cache_entry_new ();
  entry->program = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (!meta_describes (entry->program, recorded_size, recorded_sha256))
    {
      g_debug ("The metadata of %s's cached program is not its own: ignoring it",
               conference_id);
      g_clear_pointer (&entry->final_url, g_free);
      g_clear_pointer (&entry->etag, g_free);
      g_clear_pointer (&entry->last_modified, g_free);
      g_clear_pointer (&entry->fetched_at, g_date_time_unref);
      g_clear_pointer (&entry->checked_at, g_date_time_unref);
    }

  return g_steal_pointer (&entry);
}

/**
 * oc3_program_cache_store:
 * @conference_id: which conference
 * @entry: the new program and its metadata; @entry->program is required
 *
 * Replaces the cached program of @conference_id, atomically and durably.
 * Only ever call this with a download that was complete and valid.  Blocks
 * on disk I/O.
 */
gboolean
oc3_program_cache_store (Oc3ProgramCache      *self,
                         const char           *conference_id,
                         const Oc3CacheEntry  *entry,
                         GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *program_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *sha256 = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (OC3_IS_PROGRAM_CACHE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (entry->program != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (conference_id, error))
    return FALSE;

  directory = g_build_filename (self->directory, conference_id, NULL);
  program_path = g_build_filename (directory, "program.json", NULL);
  meta_path = g_build_filename (directory, "meta.json", NULL);

  locker = g_mutex_locker_new (&self->mutex);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create %s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }

  remove_stale_temporaries (directory);

  data = g_bytes_get_data (entry->program, &size);
  sha256 = checksum_of (entry->program);

  /* Program first, then meta: see the comment at the top. */
  if (!g_file_set_contents_full (program_path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, error))
    return FALSE;

  if (!write_meta (meta_path, entry, size, sha256, error))
    return FALSE;

  sync_directory (directory);
  return TRUE;
}

/**
 * oc3_program_cache_touch:
 * @conference_id: which conference
 * @checked_at: when the server confirmed the cached program (a 304)
 *
 * Records that the cached program is still current, leaving the program
 * itself alone.  Fails with %G_IO_ERROR_NOT_FOUND if nothing is cached.
 */
gboolean
oc3_program_cache_touch (Oc3ProgramCache  *self,
                         const char       *conference_id,
                         GDateTime        *checked_at,
                         GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(Oc3CacheEntry) entry = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *sha256 = NULL;
  gint64 size = -1;

  g_return_val_if_fail (OC3_IS_PROGRAM_CACHE (self), FALSE);
  g_return_val_if_fail (checked_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (conference_id, error))
    return FALSE;

  directory = g_build_filename (self->directory, conference_id, NULL);
  meta_path = g_build_filename (directory, "meta.json", NULL);

  locker = g_mutex_locker_new (&self->mutex);

  /* Rewriting the metadata as it is keeps its size and checksum, so if it
   * did not describe the program before, it still does not. */
  entry = read_meta (meta_path, &size, &sha256, error);
  if (entry == NULL)
    return FALSE;

  g_clear_pointer (&entry->checked_at, g_date_time_unref);
  entry->checked_at = g_date_time_ref (checked_at);

  remove_stale_temporaries (directory);

  if (!write_meta (meta_path, entry, size < 0 ? 0 : (gsize) size, sha256, error))
    return FALSE;

  sync_directory (directory);
  return TRUE;
}

/* --- asynchronous versions ------------------------------------------------ */

/* The window must not wait for a disk: these run the functions above in a
 * worker thread.  The cache's mutex keeps them from overlapping. */

typedef struct
{
  char          *conference_id;
  Oc3CacheEntry *entry;
  GDateTime     *checked_at;
} OperationData;

static void
operation_data_free (OperationData *data)
{
  g_free (data->conference_id);
  g_clear_pointer (&data->entry, oc3_cache_entry_free);
  g_clear_pointer (&data->checked_at, g_date_time_unref);
  g_free (data);
}

static GTask *
operation_new (Oc3ProgramCache     *self,
               const char          *conference_id,
               const Oc3CacheEntry *entry,
               GDateTime           *checked_at,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  OperationData *data = g_new0 (OperationData, 1);

  g_task_set_source_tag (task, source_tag);
  data->conference_id = g_strdup (conference_id);
  data->entry = entry ? oc3_cache_entry_copy (entry) : NULL;
  data->checked_at = checked_at ? g_date_time_ref (checked_at) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) operation_data_free);

  return task;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OperationData *data = task_data;
  GError *error = NULL;
  Oc3CacheEntry *entry;

  entry = oc3_program_cache_load (source_object, data->conference_id, &error);
  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify) oc3_cache_entry_free);
}

/**
 * oc3_program_cache_load_async:
 *
 * Like oc3_program_cache_load(), in a worker thread.
 */
void
oc3_program_cache_load_async (Oc3ProgramCache     *self,
                              const char          *conference_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OC3_IS_PROGRAM_CACHE (self));

  task = operation_new (self, conference_id, NULL, NULL, cancellable, callback, user_data,
                        oc3_program_cache_load_async);
  g_task_run_in_thread (task, load_thread);
}

Oc3CacheEntry *
oc3_program_cache_load_finish (Oc3ProgramCache  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == oc3_program_cache_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OperationData *data = task_data;
  GError *error = NULL;
  gboolean done;

  if (data->entry != NULL)
    done = oc3_program_cache_store (source_object, data->conference_id, data->entry, &error);
  else
    done = oc3_program_cache_touch (source_object, data->conference_id, data->checked_at, &error);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * oc3_program_cache_store_async:
 *
 * Like oc3_program_cache_store(), in a worker thread; @entry is copied.
 */
void
oc3_program_cache_store_async (Oc3ProgramCache     *self,
                               const char          *conference_id,
                               const Oc3CacheEntry *entry,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OC3_IS_PROGRAM_CACHE (self));
  g_return_if_fail (entry != NULL && entry->program != NULL);

  task = operation_new (self, conference_id, entry, NULL, cancellable, callback, user_data,
                        oc3_program_cache_store_async);
  g_task_run_in_thread (task, store_thread);
}

/**
 * oc3_program_cache_touch_async:
 *
 * Like oc3_program_cache_touch(), in a worker thread.  Finish it with
 * oc3_program_cache_store_finish().
 */
void
oc3_program_cache_touch_async (Oc3ProgramCache     *self,
                               const char          *conference_id,
                               GDateTime           *checked_at,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OC3_IS_PROGRAM_CACHE (self));
  g_return_if_fail (checked_at != NULL);

  task = operation_new (self, conference_id, NULL, checked_at, cancellable, callback, user_data,
                        oc3_program_cache_store_async);
  g_task_run_in_thread (task, store_thread);
}

/**
 * oc3_program_cache_store_finish:
 *
 * Finishes oc3_program_cache_store_async() and oc3_program_cache_touch_async().
 */
gboolean
oc3_program_cache_store_finish (Oc3ProgramCache  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == oc3_program_cache_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
