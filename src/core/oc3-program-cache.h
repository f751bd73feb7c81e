/* oc3-program-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * Oc3CacheEntry:
 * @program: (nullable): the program's bytes exactly as downloaded
 * @url: the address the program was requested from
 * @final_url: (nullable): where it was found after redirects
 * @etag: (nullable): the ETag of that response, for If-None-Match
 * @last_modified: (nullable): its Last-Modified, for If-Modified-Since
 * @fetched_at: (nullable): when these bytes were downloaded
 * @checked_at: (nullable): when the server last confirmed them as current
 *
 * The last good download of one conference's program, and what is needed
 * to ask the server whether it changed.  A plain record: fields are public.
 */
typedef struct
{
  GBytes    *program;
  char      *url;
  char      *final_url;
  char      *etag;
  char      *last_modified;
  GDateTime *fetched_at;
  GDateTime *checked_at;
} Oc3CacheEntry;

#define OC3_TYPE_CACHE_ENTRY (oc3_cache_entry_get_type ())

GType          oc3_cache_entry_get_type (void) G_GNUC_CONST;
Oc3CacheEntry *oc3_cache_entry_new      (void);
Oc3CacheEntry *oc3_cache_entry_copy     (const Oc3CacheEntry *entry);
void           oc3_cache_entry_free     (Oc3CacheEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Oc3CacheEntry, oc3_cache_entry_free)

#define OC3_TYPE_PROGRAM_CACHE (oc3_program_cache_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ProgramCache, oc3_program_cache, OC3, PROGRAM_CACHE, GObject)

Oc3ProgramCache *oc3_program_cache_new           (const char          *directory);
const char      *oc3_program_cache_get_directory (Oc3ProgramCache     *self);
gboolean         oc3_program_cache_is_valid_id   (const char          *conference_id);
Oc3CacheEntry   *oc3_program_cache_load          (Oc3ProgramCache     *self,
                                                  const char          *conference_id,
                                                  GError             **error);
gboolean         oc3_program_cache_store         (Oc3ProgramCache     *self,
                                                  const char          *conference_id,
                                                  const Oc3CacheEntry *entry,
                                                  GError             **error);
gboolean         oc3_program_cache_touch         (Oc3ProgramCache     *self,
                                                  const char          *conference_id,
                                                  GDateTime           *checked_at,
                                                  GError             **error);

void             oc3_program_cache_load_async    (Oc3ProgramCache     *self,
                                                  const char          *conference_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
Oc3CacheEntry   *oc3_program_cache_load_finish   (Oc3ProgramCache     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void             oc3_program_cache_store_async   (Oc3ProgramCache     *self,
                                                  const char          *conference_id,
                                                  const Oc3CacheEntry *entry,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void             oc3_program_cache_touch_async   (Oc3ProgramCache     *self,
                                                  const char          *conference_id,
                                                  GDateTime           *checked_at,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         oc3_program_cache_store_finish  (Oc3ProgramCache     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
