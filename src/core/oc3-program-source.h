/* oc3-program-source.h — where a conference's program comes from: the last
 * good copy in the cache, refreshed from its address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-conference.h"
#include "oc3-program-cache.h"
#include "oc3-program-fetcher.h"
#include "oc3-refresh-policy.h"

G_BEGIN_DECLS

#define OC3_TYPE_PROGRAM_SOURCE (oc3_program_source_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ProgramSource, oc3_program_source, OC3, PROGRAM_SOURCE, GObject)

Oc3ProgramSource *oc3_program_source_new                (const char         *conference_id,
                                                         Oc3ProgramCache    *cache,
                                                         Oc3ProgramFetcher  *fetcher);
char             *oc3_program_source_id_for_location    (const char         *location);
const char       *oc3_program_source_get_id             (Oc3ProgramSource   *self);
const char       *oc3_program_source_get_url            (Oc3ProgramSource   *self);
void              oc3_program_source_set_url            (Oc3ProgramSource   *self,
                                                         const char         *url);
GTimeZone        *oc3_program_source_get_default_zone   (Oc3ProgramSource   *self);
void              oc3_program_source_set_default_zone   (Oc3ProgramSource   *self,
                                                         GTimeZone          *zone);
GDateTime        *oc3_program_source_get_fetched_at     (Oc3ProgramSource   *self);
Oc3RefreshPolicy *oc3_program_source_get_policy         (Oc3ProgramSource   *self);
gboolean          oc3_program_source_get_refreshing     (Oc3ProgramSource   *self);

void              oc3_program_source_load_cached_async  (Oc3ProgramSource   *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
Oc3Conference    *oc3_program_source_load_cached_finish (Oc3ProgramSource   *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);

void              oc3_program_source_refresh_async      (Oc3ProgramSource   *self,
                                                         Oc3Conference      *current,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean          oc3_program_source_refresh_finish     (Oc3ProgramSource   *self,
                                                         GAsyncResult       *result,
                                                         Oc3Conference     **new_program,
                                                         GListModel        **changes,
                                                         GError            **error);

G_END_DECLS
