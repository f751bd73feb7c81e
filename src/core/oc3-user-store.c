/* oc3-user-store.c — the user's own data for one conference: starred talks
 * and their reminders, kept in user.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "oc3-user-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "oc3-user-store.h"

/* Changes within this time are written together. */
#define DEFAULT_SAVE_DELAY_MS 300
/* After a failed write, how soon to try again without a new change. */
#define DEFAULT_RETRY_INTERVAL_MS (60 * 1000)
#define MAX_LEAD_MINUTES (24 * 60)

/* Format 1, written by the first versions: {"format": 1, "starred": ["guid", …]}.
 *
 * Format 2: {"format": 2, "talks": {"<guid>": {…}, …}}, where each talk has
 *   "starred", "reminder" (booleans), "lead-minutes" (absent: the default),
 *   "modified" (when the user last changed one of those three),
 *   "delivered" (the due instants reminders were delivered for),
 *   "snoozed-until", "cancel-notified", "talk" (the remembered copy:
 *   "title", "room", "start", "end") and "state-modified" (when one of those
 *   last changed).
 * Instants are ISO 8601 strings in UTC. Unknown members are ignored, so that
 * a later version can add some without breaking this one. */

typedef struct
{
  /* What the user chose. Merged as a whole: the newer @modified wins. */
  gboolean starred;
  gboolean reminder_enabled;
  int      lead_minutes;
  gint64   modified;

  /* What the app noted about the talk. Merged as a whole by @state_modified. */
  gint64   snoozed_until;
  gboolean cancel_notified;
  char    *title;              /* Non-NULL when a copy of the talk is remembered. */
  char    *room;
  gint64   start;
  gint64   end;
  gint64   state_modified;

  /* The due instants reminders were delivered for, sorted. Merged as a union,
   * so that a reminder one instance showed is never shown by the other. */
  GArray  *delivered;
} Entry;

typedef struct
{
  gboolean exists;
  dev_t    dev;
  ino_t    ino;
  off_t    size;
  gint64   mtime_ns;
} DiskStamp;

struct _Oc3UserStore
{
  GObject     parent_instance;

  char       *path;
  GHashTable *entries;           /* guid → Entry */
  gint64      last_stamp;

  gboolean    dirty;
  gboolean    locked;            /* The folder is locked by this store right now. */
  DiskStamp   disk;              /* user.json as this store last read or wrote it */
  GError     *blocked_error;     /* Set when writing would destroy data. */

  guint       save_delay;
  guint       retry_interval;
  guint       save_source;
  guint       retry_source;

  GError     *last_error;
  char       *recovery_message;

  /* Talks that merging the file changed, announced once the file is unlocked
   * (a handler may well write again). */
  GPtrArray  *pending_changes;
};

G_DEFINE_FINAL_TYPE (Oc3UserStore, oc3_user_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_LAST_ERROR,
  PROP_RECOVERY_MESSAGE,
  PROP_SAVE_DELAY,
  PROP_RETRY_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Entries ---------------------------------------------------------------- */

static Entry *
entry_new (void)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->reminder_enabled = TRUE;
  entry->lead_minutes = -1;
  entry->delivered = g_array_new (FALSE, FALSE, sizeof (gint64));

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->title);
  g_free (entry->room);
  g_array_unref (entry->delivered);
  g_free (entry);
}

static gboolean
entry_has_delivered (const Entry *entry,
                     gint64       due)
{
  for (guint i = 0; i < entry->delivered->len; i++)
    if (g_array_index (entry->delivered, gint64, i) == due)
      return TRUE;

  return FALSE;
}

static gboolean
entry_add_delivered (Entry  *entry,
                     gint64  due)
{
  guint i;

  if (entry_has_delivered (entry, due))
    return FALSE;

  for (i = 0; i < entry->delivered->len; i++)
    if (g_array_index (entry->delivered, gint64, i) > due)
      break;
  g_array_insert_val (entry->delivered, i, due);

  return TRUE;
}

static void
copy_user_choices (Entry       *to,
                   const Entry *from)
{
  to->starred = from->starred;
  to->reminder_enabled = from->reminder_enabled;
  to->lead_minutes = from->lead_minutes;
  to->modified = from->modified;
}

static void
copy_talk_state (Entry       *to,
                 const Entry *from)
{
  to->snoozed_until = from->snoozed_until;
  to->cancel_notified = from->cancel_notified;
  g_free (to->title);
  to->title = g_strdup (from->title);
  g_free (to->room);
  to->room = g_strdup (from->room);
  to->start = from->start;
  to->end = from->end;
  to->state_modified = from->state_modified;
}

enum {
  MERGE_CHANGED_INTO = 1 << 0,  /* @into took something from @from */
  MERGE_FROM_OUTDATED = 1 << 1, /* @into has something @from lacks */
};

static guint
entry_merge (Entry       *into,
             const Entry *from)
{
  guint result = 0;

  if (from->modified > into->modified)
    {
      copy_user_choices (into, from);
      result |= MERGE_CHANGED_INTO;
    }
  else if (from->modified < into->modified)
    result |= MERGE_FROM_OUTDATED;

  if (from->state_modified > into->state_modified)
    {
      copy_talk_state (into, from);
      result |= MERGE_CHANGED_INTO;
    }
  else if (from->state_modified < into->state_modified)
    result |= MERGE_FROM_OUTDATED;

  for (guint i = 0; i < from->delivered->len; i++)
    if (entry_add_delivered (into, g_array_index (from->delivered, gint64, i)))
      result |= MERGE_CHANGED_INTO;
  if (into->delivered->len > from->delivered->len)
    result |= MERGE_FROM_OUTDATED;

  return result;
}

/* Instants in JSON --------------------------------------------------------- */

static char *
instant_to_string (gint64 instant)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant / G_USEC_PER_SEC);
  g_autoptr (GDateTime) exact = NULL;

  if (utc == NULL)
    return NULL;
  exact = g_date_time_add (utc, instant % G_USEC_PER_SEC);

  return g_date_time_format_iso8601 (exact);
}

static gboolean
node_get_instant (JsonNode *node,
                  gint64   *instant)
{
  g_autoptr (GDateTime) date_time = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  date_time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
  if (date_time == NULL)
    return FALSE;

  *instant = g_date_time_to_unix (date_time) * G_USEC_PER_SEC +
             g_date_time_get_microsecond (date_time);
  return TRUE;
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
valid_guid (const char *guid)
{
  return guid != NULL && *guid != '\0' && strlen (guid) < 1024;
}

/* Reading ----------------------------------------------------------------- */

/* Reads one talk of format 2. Whatever is invalid is left at its default and
 * makes the file count as damaged; the rest is kept. */
static Entry *
parse_entry (JsonNode *node,
             gboolean *damaged)
{
  g_autoptr (GPtrArray) unused = NULL;
  Entry *entry;
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *damaged = TRUE;
      return NULL;
    }

  object = json_node_get_object (node);
  entry = entry_new ();

  if ((member = json_object_get_member (object, "starred")) != NULL)
    {
      if (node_holds (member, G_TYPE_BOOLEAN))
        entry->starred = json_node_get_boolean (member);
      else
        *damaged = TRUE;
    }

  if ((member = json_object_get_member (object, "reminder")) != NULL)
    {
      if (node_holds (member, G_TYPE_BOOLEAN))
        entry->reminder_enabled = json_node_get_boolean (member);
      else
        *damaged = TRUE;
    }

  if ((member = json_object_get_member (object, "lead-minutes")) != NULL)
    {
      if (node_holds (member, G_TYPE_INT64) && json_node_get_int (member) >= 0 &&
          json_node_get_int (member) <= MAX_LEAD_MINUTES)
        entry->lead_minutes = (int) json_node_get_int (member);
      else
        *damaged = TRUE;
    }

  if ((member = json_object_get_member (object, "modified")) != NULL &&
      !node_get_instant (member, &entry->modified))
    *damaged = TRUE;

  if ((member = json_object_get_member (object, "delivered")) != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              gint64 due;

              if (node_get_instant (json_array_get_element (array, i), &due))
                entry_add_delivered (entry, due);
              else
                *damaged = TRUE;
            }
        }
      else
        *damaged = TRUE;
    }

  if ((member = json_object_get_member (object, "snoozed-until")) != NULL &&
      !node_get_instant (member, &entry->snoozed_until))
    *damaged = TRUE;

  if ((member = json_object_get_member (object, "cancel-notified")) != NULL)
    {
      if (node_holds (member, G_TYPE_BOOLEAN))
        entry->cancel_notified = json_node_get_boolean (member);
      else
        *damaged = TRUE;
    }

  if ((member = json_object_get_member (object, "talk")) != NULL)
    {
      JsonObject *talk = JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
      JsonNode *title = talk ? json_object_get_member (talk, "title") : NULL;
      JsonNode *room = talk ? json_object_get_member (talk, "room") : NULL;
      gint64 start, end;

      if (node_holds (title, G_TYPE_STRING) &&
          (room == NULL || node_holds (room, G_TYPE_STRING)) &&
          node_get_instant (json_object_get_member (talk, "start"), &start) &&
          node_get_instant (json_object_get_member (talk, "end"), &end))
        {
          entry->title = g_strdup (json_node_get_string (title));
          entry->room = g_strdup (room ? json_node_get_string (room) : "");
          entry->start = start;
          entry->end = end;
        }
      else
        *damaged = TRUE;
    }

  if ((member = json_object_get_member (object, "state-modified")) != NULL &&
      !node_get_instant (member, &entry->state_modified))
    *damaged = TRUE;

  return entry;
}

static void
parse_format_1 (JsonObject *root,
                GHashTable *entries,
                gboolean   *damaged)
{
  JsonNode *starred = json_object_get_member (root, "starred");
  JsonArray *array;

  if (starred == NULL || !JSON_NODE_HOLDS_ARRAY (starred))
    {
      *damaged = TRUE;
      return;
    }

  array = json_node_get_array (starred);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      Entry *entry;

      if (!node_holds (element, G_TYPE_STRING) || !valid_guid (json_node_get_string (element)))
        {
          *damaged = TRUE;
          continue;
        }

      /* Modified at the beginning of time: any choice made since wins. */
      entry = entry_new ();
      entry->starred = TRUE;
      g_hash_table_replace (entries, g_strdup (json_node_get_string (element)), entry);
    }
}

static void
parse_format_2 (JsonObject *root,
                GHashTable *entries,
                gboolean   *damaged)
{
  JsonNode *talks = json_object_get_member (root, "talks");
  JsonObjectIter iter;
  const char *guid;
  JsonNode *node;

  if (talks == NULL || !JSON_NODE_HOLDS_OBJECT (talks))
    {
      *damaged = TRUE;
      return;
    }

  json_object_iter_init (&iter, json_node_get_object (talks));
  while (json_object_iter_next (&iter, &guid, &node))
    {
      Entry *entry;

      if (!valid_guid (guid))
        {
          *damaged = TRUE;
          continue;
        }

      entry = parse_entry (node, damaged);
      if (entry != NULL)
        g_hash_table_replace (entries, g_strdup (guid), entry);
    }
}

/* Parses user.json into @entries. Returns FALSE when nothing at all could be
 * read; sets @damaged when some of it could not. */
static gboolean
parse_document (const char *data,
                gsize       length,
                GHashTable *entries,
                gint64     *format,
                gboolean   *damaged)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonNode *format_node;

  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));

  format_node = json_object_get_member (root, "format");
  if (node_holds (format_node, G_TYPE_INT64) && json_node_get_int (format_node) >= 1)
    *format = json_node_get_int (format_node);
  else
    {
      /* Without a usable format, guess from what is there. */
      *damaged = TRUE;
      if (json_object_has_member (root, "talks"))
        *format = 2;
      else if (json_object_has_member (root, "starred"))
        *format = 1;
      else
        return FALSE;
    }

  if (*format == 1)
    parse_format_1 (root, entries, damaged);
  else
    parse_format_2 (root, entries, damaged);

  return TRUE;
}

/* Writing ----------------------------------------------------------------- */

static void
add_instant_member (JsonBuilder *builder,
                    const char  *name,
                    gint64       instant)
{
  g_autofree char *text = instant_to_string (instant);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
serialize (Oc3UserStore *self,
           gsize        *length)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree const char **guids = NULL;
  guint n_guids;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, OC3_USER_STORE_FORMAT);
  json_builder_set_member_name (builder, "talks");
  json_builder_begin_object (builder);

  /* Sorted, so that the file only changes where the data did. */
  guids = (const char **) g_hash_table_get_keys_as_array (self->entries, &n_guids);
  qsort (guids, n_guids, sizeof (char *), compare_strings);

  for (guint i = 0; i < n_guids; i++)
    {
      const Entry *entry = g_hash_table_lookup (self->entries, guids[i]);

      json_builder_set_member_name (builder, guids[i]);
      json_builder_begin_object (builder);

      json_builder_set_member_name (builder, "starred");
      json_builder_add_boolean_value (builder, entry->starred);
      json_builder_set_member_name (builder, "reminder");
      json_builder_add_boolean_value (builder, entry->reminder_enabled);
      if (entry->lead_minutes >= 0)
        {
          json_builder_set_member_name (builder, "lead-minutes");
          json_builder_add_int_value (builder, entry->lead_minutes);
        }
      add_instant_member (builder, "modified", entry->modified);

      if (entry->delivered->len > 0)
        {
          json_builder_set_member_name (builder, "delivered");
          json_builder_begin_array (builder);
          for (guint j = 0; j < entry->delivered->len; j++)
            {
              g_autofree char *text =
                instant_to_string (g_array_index (entry->delivered, gint64, j));

              json_builder_add_string_value (builder, text);
            }
          json_builder_end_array (builder);
        }

      if (entry->snoozed_until != 0)
        add_instant_member (builder, "snoozed-until", entry->snoozed_until);
      if (entry->cancel_notified)
        {
          json_builder_set_member_name (builder, "cancel-notified");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (entry->title != NULL)
        {
          json_builder_set_member_name (builder, "talk");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, entry->title);
          json_builder_set_member_name (builder, "room");
          json_builder_add_string_value (builder, entry->room);
          add_instant_member (builder, "start", entry->start);
          add_instant_member (builder, "end", entry->end);
          json_builder_end_object (builder);
        }
      add_instant_member (builder, "state-modified", entry->state_modified);

      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, length);
}

/* The file on disk ----------------------------------------------------------- */

static DiskStamp
stamp_file (const char *path)
{
  DiskStamp stamp = { 0 };
  struct stat buf;

  if (stat (path, &buf) == 0)
    {
      stamp.exists = TRUE;
      stamp.dev = buf.st_dev;
      stamp.ino = buf.st_ino;
      stamp.size = buf.st_size;
      stamp.mtime_ns = (gint64) buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                       buf.st_mtim.tv_nsec;
    }

  return stamp;
}

static gboolean
stamps_equal (const DiskStamp *a,
              const DiskStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;

  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime_ns == b->mtime_ns;
}

/* Opens the folder of user.json and takes an exclusive lock on it, so that
 * another OC3 process cannot write between this one reading and replacing the
 * file. Closing the descriptor unlocks. */
static int
open_locked_dir (const char  *dir,
                 GError     **error)
{
  int fd;
  int saved_errno;

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return -1;
    }

  /* File systems without locks still get a consistent file, only not the merge. */
  while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;

  return fd;
}

static void
set_recovery_message (Oc3UserStore *self,
                      char         *message)
{
  g_free (self->recovery_message);
  self->recovery_message = message;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_MESSAGE]);
}

/* Renames a file that cannot be read to user.json.corrupt-<timestamp>, so
 * that it is never overwritten or deleted and can be looked at later. */
static char *
move_aside (Oc3UserStore  *self,
            GError       **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  int saved_errno;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *aside = NULL;
      GStatBuf buf;

      if (i == 0)
        aside = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);
      else
        aside = g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, i);

      if (g_lstat (aside, &buf) == 0)
        continue;

      if (g_rename (self->path, aside) == 0)
        return g_steal_pointer (&aside);

      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }

  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "too many damaged copies already");
  return NULL;
}

static void
add_pending_change (Oc3UserStore *self,
                    const char   *guid)
{
  if (!g_ptr_array_find_with_equal_func (self->pending_changes, guid, g_str_equal, NULL))
    g_ptr_array_add (self->pending_changes, g_strdup (guid));
}

static void
emit_pending_changes (Oc3UserStore *self)
{
  g_autoptr (GPtrArray) changes = g_steal_pointer (&self->pending_changes);

  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < changes->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (changes, i));
}

static void
merge_entries (Oc3UserStore *self,
               GHashTable   *from)
{
  GHashTableIter iter;
  const char *guid;
  Entry *entry;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, (gpointer *) &guid, (gpointer *) &entry))
    {
      Entry *mine = g_hash_table_lookup (self->entries, guid);

      if (mine == NULL)
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (self->entries, (char *) guid, entry);
          add_pending_change (self, guid);
        }
      else
        {
          guint result = entry_merge (mine, entry);

          if (result & MERGE_CHANGED_INTO)
            add_pending_change (self, guid);
          if (result & MERGE_FROM_OUTDATED)
            self->dirty = TRUE;
        }
    }

  /* Whatever only this store knows must reach the file too. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &guid, NULL))
    if (!g_hash_table_contains (from, guid))
      {
        self->dirty = TRUE;
        break;
      }
}

/* g_file_set_contents_full () writes "user.json.XXXXXX" and renames it. One
 * left over was being written by a process that died before the rename: with
 * the folder locked nobody else is writing, so it is stale, and never the
 * only copy of anything (the old user.json is still there). */
static void
remove_stale_temporary_files (Oc3UserStore *self)
{
  g_autofree char *dir_path = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  gsize base_length = strlen (base);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stale = NULL;
      gboolean temporary;

      temporary = strlen (name) == base_length + 7 &&
                  strncmp (name, base, base_length) == 0 && name[base_length] == '.';
      for (gsize i = base_length + 1; temporary && name[i] != '\0'; i++)
        temporary = g_ascii_isalnum (name[i]);
      if (!temporary)
        continue;

      stale = g_build_filename (dir_path, name, NULL);
      if (g_file_test (stale, G_FILE_TEST_IS_REGULAR) && g_unlink (stale) == 0)
        g_debug ("Removed %s, left over by an interrupted write", stale);
    }
}

/* Reads user.json and merges it into memory; the folder is locked. A file that
 * cannot be read completely is moved aside and rewritten with what could. */
static void
read_and_merge_locked (Oc3UserStore *self)
{
  g_autoptr (GHashTable) parsed = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, entry_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  DiskStamp stamp;
  gsize length = 0;
  gint64 format = 0;
  gboolean damaged = FALSE;
  gboolean readable;

  stamp = stamp_file (self->path);

  if (!g_file_get_contents (self->path, &data, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          self->disk = stamp;
          return;
        }
      g_debug ("Could not read %s: %s", self->path, error->message);
      readable = FALSE;
    }
  else
    readable = parse_document (data, length, parsed, &format, &damaged);

  if (!readable || damaged)
    {
      g_autoptr (GError) aside_error = NULL;
      g_autofree char *aside = move_aside (self, &aside_error);
      gboolean recovered = readable && g_hash_table_size (parsed) > 0;

      if (aside == NULL)
        {
          /* Writing now would destroy the only copy of what could not be read. */
          g_clear_error (&self->blocked_error);
          self->blocked_error =
            g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("Your starred talks could not be read from “%s”, and the file "
                           "could not be set aside (%s). Changes will not be saved."),
                         self->path, aside_error->message);
          merge_entries (self, parsed);
          return;
        }

      g_message ("Could not read all of %s; it was moved to %s", self->path, aside);
      if (recovered)
        set_recovery_message (self,
                              g_strdup_printf (_("Some of your starred talks and reminders could "
                                                 "not be read. The damaged file was kept as "
                                                 "“%s”."), aside));
      else
        set_recovery_message (self,
                              g_strdup_printf (_("Your starred talks and reminders could not be "
                                                 "read and start again empty. The damaged file "
                                                 "was kept as “%s”."), aside));

      self->disk = stamp_file (self->path);
      self->dirty = TRUE;
      merge_entries (self, parsed);
      return;
    }

  merge_entries (self, parsed);
  self->disk = stamp;

  if (format < OC3_USER_STORE_FORMAT)
    self->dirty = TRUE;
  else if (format > OC3_USER_STORE_FORMAT)
    {
      /* A newer OC3 wrote this: rewriting it here would drop what it added. */
      g_clear_error (&self->blocked_error);
      self->blocked_error =
        g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Your starred talks were saved by a newer version of OC3. "
                               "Changes made in this version will not be saved."));
    }
}

static gboolean
write_locked (Oc3UserStore  *self,
              GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  data = serialize (self, &length);

  /* CONSISTENT | DURABLE: a temporary file in the same folder, fsync, rename
   * over user.json, fsync of the folder. A crash at any point leaves either
   * the old or the new file, never a mixture. */
  if (!g_file_set_contents_full (self->path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, _("Could not save your starred talks: "));
      return FALSE;
    }

  self->disk = stamp_file (self->path);
  self->dirty = FALSE;

  return TRUE;
}

static gboolean
save_locked (Oc3UserStore  *self,
             GError       **error)
{
  DiskStamp current;

  /* Another instance wrote since: take its changes in, rather than writing
   * over them. */
  current = stamp_file (self->path);
  if (!stamps_equal (&current, &self->disk))
    {
      read_and_merge_locked (self);
      if (self->blocked_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->blocked_error));
          return FALSE;
        }
    }

  return write_locked (self, error);
}

static gboolean
save (Oc3UserStore  *self,
      GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofd int dir_fd = -1;
  gboolean saved;

  /* A notify handler run while the folder is locked asked to save: the save
   * in progress writes its change too. (Locking again would deadlock.) */
  if (!self->dirty || self->locked)
    return TRUE;

  if (self->blocked_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->blocked_error));
      return FALSE;
    }

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not save your starred talks: could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  dir_fd = open_locked_dir (dir, error);
  if (dir_fd < 0)
    {
      g_prefix_error (error, _("Could not save your starred talks: "));
      return FALSE;
    }

  self->locked = TRUE;
  saved = save_locked (self, error);
  self->locked = FALSE;

  return saved;
}

/* Errors and retries ------------------------------------------------------- */

static gboolean save_cb (gpointer user_data);

static void
set_last_error (Oc3UserStore *self,
                const GError *error)
{
  if (error == NULL && self->last_error == NULL)
    return;
  if (error != NULL && self->last_error != NULL &&
      g_error_matches (error, self->last_error->domain, self->last_error->code) &&
      g_strcmp0 (error->message, self->last_error->message) == 0)
    return;

  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static gboolean
retry_cb (gpointer user_data)
{
  Oc3UserStore *self = user_data;

  self->retry_source = 0;
  save_cb (self);

  return G_SOURCE_REMOVE;
}

/* Saves now and reports the outcome in #Oc3UserStore:last-error. A failed
 * write keeps everything in memory and is tried again later. */
static gboolean
save_and_report (Oc3UserStore  *self,
                 GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean saved;

  if (self->locked)
    return TRUE;

  g_object_ref (self);

  saved = save (self, &local_error);
  set_last_error (self, local_error);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (!saved && self->blocked_error == NULL)
    self->retry_source = g_timeout_add (self->retry_interval, retry_cb, self);

  emit_pending_changes (self);
  g_object_unref (self);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  Oc3UserStore *self = user_data;

  self->save_source = 0;
  save_and_report (self, NULL);

  return G_SOURCE_REMOVE;
}

/* Called after every change in memory. */
static void
changed (Oc3UserStore *self,
         const char   *guid)
{
  self->dirty = TRUE;

  if (self->save_source == 0)
    self->save_source = g_timeout_add (self->save_delay, save_cb, self);

  g_signal_emit (self, signals[CHANGED], 0, guid);
}

/* A modification time for merging: the wall clock, but never twice the same,
 * so that a later change in this process always wins over an earlier one. */
static gint64
next_stamp (Oc3UserStore *self)
{
  self->last_stamp = MAX (g_get_real_time (), self->last_stamp + 1);

  return self->last_stamp;
}

static Entry *
lookup_entry (Oc3UserStore *self,
              const char   *guid)
{
  return g_hash_table_lookup (self->entries, guid);
}

static Entry *
ensure_entry (Oc3UserStore *self,
              const char   *guid)
{
  Entry *entry = g_hash_table_lookup (self->entries, guid);

  if (entry == NULL)
    {
      entry = entry_new ();
      g_hash_table_insert (self->entries, g_strdup (guid), entry);
    }

  return entry;
}

/* GObject ------------------------------------------------------------------- */

static void
oc3_user_store_dispose (GObject *object)
{
  Oc3UserStore *self = OC3_USER_STORE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  if (self->dirty && self->blocked_error == NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!save (self, &error))
        g_warning ("Starred talks and reminders changed since the last save are lost: %s",
                   error->message);
    }

  G_OBJECT_CLASS (oc3_user_store_parent_class)->dispose (object);
}

static void
oc3_user_store_finalize (GObject *object)
{
  Oc3UserStore *self = OC3_USER_STORE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_error (&self->blocked_error);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->recovery_message, g_free);

  G_OBJECT_CLASS (oc3_user_store_parent_class)->finalize (object);
}

static void
oc3_user_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  Oc3UserStore *self = OC3_USER_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_LAST_ERROR:
      g_value_set_boxed (value, self->last_error);
      break;

    case PROP_RECOVERY_MESSAGE:
      g_value_set_string (value, self->recovery_message);
      break;

    case PROP_SAVE_DELAY:
      g_value_set_uint (value, self->save_delay);
      break;

    case PROP_RETRY_INTERVAL:
      g_value_set_uint (value, self->retry_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_user_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  Oc3UserStore *self = OC3_USER_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_SAVE_DELAY:
      oc3_user_store_set_save_delay (self, g_value_get_uint (value));
      break;

    case PROP_RETRY_INTERVAL:
      oc3_user_store_set_retry_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_user_store_class_init (Oc3UserStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = oc3_user_store_dispose;
  object_class->finalize = oc3_user_store_finalize;
  object_class->get_property = oc3_user_store_get_property;
  object_class->set_property = oc3_user_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3UserStore:last-error:
   *
   * Why the last write failed, or %NULL once a write succeeded. Nothing is
   * lost while it is set: the data stays in memory and writing is tried again
   * on the next change and every #Oc3UserStore:retry-interval.
   */
  properties[PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3UserStore:recovery-message:
   *
   * Set when loading found a damaged file (which is kept aside): a sentence
   * for the user, to be shown once — take it with
   * oc3_user_store_take_recovery_message ().
   */
  properties[PROP_RECOVERY_MESSAGE] =
    g_param_spec_string ("recovery-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SAVE_DELAY] =
    g_param_spec_uint ("save-delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_SAVE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RETRY_INTERVAL] =
    g_param_spec_uint ("retry-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_RETRY_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * Oc3UserStore::changed:
   * @self: the store
   * @guid: the talk whose data changed
   *
   * Emitted for every change, made here or merged from the file.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
oc3_user_store_init (Oc3UserStore *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  self->save_delay = DEFAULT_SAVE_DELAY_MS;
  self->retry_interval = DEFAULT_RETRY_INTERVAL_MS;
}

/* Public API ------------------------------------------------------------------ */

/**
 * oc3_user_store_new:
 * @conference_id: identifies the conference, e.g. "oc3-2024"
 *
 * Returns: (transfer full): a store for
 *   `$XDG_DATA_HOME/oc3/<conference-id>/user.json`; call oc3_user_store_load ()
 */
Oc3UserStore *
oc3_user_store_new (const char *conference_id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (conference_id != NULL && *conference_id != '\0', NULL);
  g_return_val_if_fail (strchr (conference_id, G_DIR_SEPARATOR) == NULL, NULL);
  g_return_val_if_fail (strcmp (conference_id, ".") != 0 && strcmp (conference_id, "..") != 0,
                        NULL);

  path = g_build_filename (g_get_user_data_dir (), "oc3", conference_id, "user.json", NULL);

  return oc3_user_store_new_for_path (path);
}

Oc3UserStore *
oc3_user_store_new_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  return g_object_new (OC3_TYPE_USER_STORE, "path", path, NULL);
}

const char *
oc3_user_store_get_path (Oc3UserStore *self)
{
  g_return_val_if_fail (OC3_IS_USER_STORE (self), NULL);

  return self->path;
}

/**
 * oc3_user_store_load:
 * @self: a store
 * @error: return location for an error
 *
 * Reads the file and merges it into what is in memory. A missing file (or
 * folder) is an empty store. A damaged file is moved aside and what could be
 * read of it is kept (see #Oc3UserStore:recovery-message); an old format is
 * upgraded. Either is written back at once.
 *
 * Returns: %FALSE only if the folder could not be opened at all
 */
gboolean
oc3_user_store_load (Oc3UserStore  *self,
                     GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofd int dir_fd = -1;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (!self->locked, FALSE);

  dir = g_path_get_dirname (self->path);
  dir_fd = open_locked_dir (dir, &local_error);
  if (dir_fd < 0)
    {
      /* No folder (or something in the way of one) means nothing saved yet;
       * writing reports whatever stands in the way. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->locked = TRUE;
  remove_stale_temporary_files (self);
  read_and_merge_locked (self);

  if (self->dirty && self->blocked_error == NULL)
    {
      g_autoptr (GError) write_error = NULL;

      g_clear_handle_id (&self->save_source, g_source_remove);
      if (!write_locked (self, &write_error))
        {
          set_last_error (self, write_error);
          g_clear_handle_id (&self->retry_source, g_source_remove);
          self->retry_source = g_timeout_add (self->retry_interval, retry_cb, self);
        }
    }
  else if (self->blocked_error != NULL)
    set_last_error (self, self->blocked_error);

  self->locked = FALSE;
  g_clear_fd (&dir_fd, NULL);
  emit_pending_changes (self);

  return TRUE;
}

/**
 * oc3_user_store_flush:
 * @self: a store
 * @error: return location for an error
 *
 * Writes pending changes now, rather than after #Oc3UserStore:save-delay.
 *
 * Returns: %TRUE if everything is on disk
 */
gboolean
oc3_user_store_flush (Oc3UserStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  return save_and_report (self, error);
}

const GError *
oc3_user_store_get_last_error (Oc3UserStore *self)
{
  g_return_val_if_fail (OC3_IS_USER_STORE (self), NULL);

  return self->last_error;
}

const char *
oc3_user_store_get_recovery_message (Oc3UserStore *self)
{
  g_return_val_if_fail (OC3_IS_USER_STORE (self), NULL);

  return self->recovery_message;
}

/**
 * oc3_user_store_take_recovery_message:
 * @self: a store
 *
 * Returns: (transfer full) (nullable): the recovery message, which is cleared
 *   so that the user is told only once
 */
char *
oc3_user_store_take_recovery_message (Oc3UserStore *self)
{
  char *message;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), NULL);

  if (self->recovery_message == NULL)
    return NULL;

  message = g_steal_pointer (&self->recovery_message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_MESSAGE]);

  return message;
}

guint
oc3_user_store_get_save_delay (Oc3UserStore *self)
{
  g_return_val_if_fail (OC3_IS_USER_STORE (self), 0);

  return self->save_delay;
}

void
oc3_user_store_set_save_delay (Oc3UserStore *self,
                               guint         milliseconds)
{
  g_return_if_fail (OC3_IS_USER_STORE (self));

  if (self->save_delay == milliseconds)
    return;

  self->save_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_DELAY]);
}

guint
oc3_user_store_get_retry_interval (Oc3UserStore *self)
{
  g_return_val_if_fail (OC3_IS_USER_STORE (self), 0);

  return self->retry_interval;
}

void
oc3_user_store_set_retry_interval (Oc3UserStore *self,
                                   guint         milliseconds)
{
  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (milliseconds > 0);

  if (self->retry_interval == milliseconds)
    return;

  self->retry_interval = milliseconds;
  if (self->retry_source != 0)
    {
      g_source_remove (self->retry_source);
      self->retry_source = g_timeout_add (self->retry_interval, retry_cb, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_INTERVAL]);
}

gboolean
oc3_user_store_is_starred (Oc3UserStore *self,
                           const char   *guid)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);

  entry = lookup_entry (self, guid);

  return entry != NULL && entry->starred;
}

/**
 * oc3_user_store_set_starred:
 * @self: a store
 * @guid: a talk
 * @starred: whether the user wants to attend it
 *
 * Unstarring keeps the talk's entry (with the time of the change), so that
 * merging with another instance's older copy does not star it again.
 */
void
oc3_user_store_set_starred (Oc3UserStore *self,
                            const char   *guid,
                            gboolean      starred)
{
  Entry *entry;

  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));

  starred = !!starred;
  entry = lookup_entry (self, guid);
  if (entry != NULL ? entry->starred == starred : !starred)
    return;

  entry = ensure_entry (self, guid);
  entry->starred = starred;
  entry->modified = next_stamp (self);

  /* The copy is only kept for starred talks. */
  if (!starred && entry->title != NULL)
    {
      g_clear_pointer (&entry->title, g_free);
      g_clear_pointer (&entry->room, g_free);
      entry->snoozed_until = 0;
      entry->cancel_notified = FALSE;
      entry->state_modified = next_stamp (self);
    }

  changed (self, guid);
}

/**
 * oc3_user_store_get_starred_guids:
 * @self: a store
 *
 * Returns: (transfer full): the starred talks, sorted
 */
GStrv
oc3_user_store_get_starred_guids (Oc3UserStore *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) guids = NULL;
  GHashTableIter iter;
  const char *guid;
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), NULL);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &guid, (gpointer *) &entry))
    if (entry->starred)
      g_strv_builder_add (builder, guid);

  guids = g_strv_builder_end (builder);
  qsort (guids, g_strv_length (guids), sizeof (char *), compare_strings);

  return g_steal_pointer (&guids);
}

/* Reminders are on for a talk until the user turns them off. */
gboolean
oc3_user_store_get_reminder_enabled (Oc3UserStore *self,
                                     const char   *guid)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);

  entry = lookup_entry (self, guid);

  return entry == NULL || entry->reminder_enabled;
}

void
oc3_user_store_set_reminder_enabled (Oc3UserStore *self,
                                     const char   *guid,
                                     gboolean      enabled)
{
  Entry *entry;

  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));

  enabled = !!enabled;
  if (oc3_user_store_get_reminder_enabled (self, guid) == enabled)
    return;

  entry = ensure_entry (self, guid);
  entry->reminder_enabled = enabled;
  entry->modified = next_stamp (self);

  changed (self, guid);
}

/**
 * oc3_user_store_get_lead_minutes:
 * @self: a store
 * @guid: a talk
 *
 * Returns: how many minutes before the start the user wants to be reminded of
 *   this talk, or -1 for the app's default
 */
int
oc3_user_store_get_lead_minutes (Oc3UserStore *self,
                                 const char   *guid)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), -1);
  g_return_val_if_fail (guid != NULL, -1);

  entry = lookup_entry (self, guid);

  return entry != NULL ? entry->lead_minutes : -1;
}

void
oc3_user_store_set_lead_minutes (Oc3UserStore *self,
                                 const char   *guid,
                                 int           minutes)
{
  Entry *entry;

  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));
  g_return_if_fail (minutes >= -1 && minutes <= MAX_LEAD_MINUTES);

  if (oc3_user_store_get_lead_minutes (self, guid) == minutes)
    return;

  entry = ensure_entry (self, guid);
  entry->lead_minutes = minutes;
  entry->modified = next_stamp (self);

  changed (self, guid);
}

/**
 * oc3_user_store_mark_delivered:
 * @self: a store
 * @guid: a talk
 * @due: the instant the delivered reminder was due at
 *
 * Notes that the reminder due at @due was shown. Keyed by the due instant, so
 * that a talk that moves gets a reminder for its new time.
 */
void
oc3_user_store_mark_delivered (Oc3UserStore *self,
                               const char   *guid,
                               gint64        due)
{
  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));

  if (entry_add_delivered (ensure_entry (self, guid), due))
    changed (self, guid);
}

gboolean
oc3_user_store_was_delivered (Oc3UserStore *self,
                              const char   *guid,
                              gint64        due)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);

  entry = lookup_entry (self, guid);

  return entry != NULL && entry_has_delivered (entry, due);
}

/* Whether a reminder was delivered for a due instant within [@from, @to]. */
gboolean
oc3_user_store_was_delivered_between (Oc3UserStore *self,
                                      const char   *guid,
                                      gint64        from,
                                      gint64        to)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);

  entry = lookup_entry (self, guid);
  if (entry == NULL)
    return FALSE;

  for (guint i = 0; i < entry->delivered->len; i++)
    {
      gint64 due = g_array_index (entry->delivered, gint64, i);

      if (due >= from && due <= to)
        return TRUE;
    }

  return FALSE;
}

/* Returns: when a snoozed reminder is due again, or 0 */
gint64
oc3_user_store_get_snoozed_until (Oc3UserStore *self,
                                  const char   *guid)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), 0);
  g_return_val_if_fail (guid != NULL, 0);

  entry = lookup_entry (self, guid);

  return entry != NULL ? entry->snoozed_until : 0;
}

void
oc3_user_store_set_snoozed_until (Oc3UserStore *self,
                                  const char   *guid,
                                  gint64        instant)
{
  Entry *entry;

  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));

  if (oc3_user_store_get_snoozed_until (self, guid) == instant)
    return;

  entry = ensure_entry (self, guid);
  entry->snoozed_until = instant;
  entry->state_modified = next_stamp (self);

  changed (self, guid);
}

/* Whether the user was told that this starred talk left the program. */
gboolean
oc3_user_store_get_cancel_notified (Oc3UserStore *self,
                                    const char   *guid)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);

  entry = lookup_entry (self, guid);

  return entry != NULL && entry->cancel_notified;
}

void
oc3_user_store_set_cancel_notified (Oc3UserStore *self,
                                    const char   *guid,
                                    gboolean      notified)
{
  Entry *entry;

  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));

  notified = !!notified;
  if (oc3_user_store_get_cancel_notified (self, guid) == notified)
    return;

  entry = ensure_entry (self, guid);
  entry->cancel_notified = notified;
  entry->state_modified = next_stamp (self);

  changed (self, guid);
}

/**
 * oc3_user_store_remember_talk:
 * @self: a store
 * @guid: a starred talk
 * @title: its title
 * @start: when it starts
 * @end: when it ends
 * @room: (nullable): where
 *
 * Keeps a copy of what a starred talk looked like in the program, so that it
 * can still be shown if a new program drops it, and so that a move can be
 * recognised.
 */
void
oc3_user_store_remember_talk (Oc3UserStore *self,
                              const char   *guid,
                              const char   *title,
                              gint64        start,
                              gint64        end,
                              const char   *room)
{
  Entry *entry;

  g_return_if_fail (OC3_IS_USER_STORE (self));
  g_return_if_fail (valid_guid (guid));
  g_return_if_fail (title != NULL);

  if (room == NULL)
    room = "";

  entry = ensure_entry (self, guid);
  if (g_strcmp0 (entry->title, title) == 0 && g_strcmp0 (entry->room, room) == 0 &&
      entry->start == start && entry->end == end)
    return;

  g_free (entry->title);
  entry->title = g_strdup (title);
  g_free (entry->room);
  entry->room = g_strdup (room);
  entry->start = start;
  entry->end = end;
  entry->state_modified = next_stamp (self);

  changed (self, guid);
}

/**
 * oc3_user_store_lookup_talk:
 * @self: a store
 * @guid: a talk
 * @title: (out) (optional) (transfer full): its remembered title
 * @start: (out) (optional): when it starts
 * @end: (out) (optional): when it ends
 * @room: (out) (optional) (transfer full): where, or ""
 *
 * Returns: whether a copy of the talk is remembered
 */
gboolean
oc3_user_store_lookup_talk (Oc3UserStore  *self,
                            const char    *guid,
                            char         **title,
                            gint64        *start,
                            gint64        *end,
                            char         **room)
{
  Entry *entry;

  g_return_val_if_fail (OC3_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);

  entry = lookup_entry (self, guid);
  if (entry == NULL || entry->title == NULL)
    return FALSE;

  if (title != NULL)
    *title = g_strdup (entry->title);
  if (start != NULL)
    *start = entry->start;
  if (end != NULL)
    *end = entry->end;
  if (room != NULL)
    *room = g_strdup (entry->room);

  return TRUE;
}
