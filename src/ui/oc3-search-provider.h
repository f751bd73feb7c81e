/* oc3-search-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-search-index.h"

G_BEGIN_DECLS

#define OC3_TYPE_SEARCH_PROVIDER (oc3_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (Oc3SearchProvider, oc3_search_provider, OC3, SEARCH_PROVIDER, GObject)

Oc3SearchProvider *oc3_search_provider_new       (GApplication       *application);
void               oc3_search_provider_set_index (Oc3SearchProvider  *self,
                                                  Oc3SearchIndex     *index,
                                                  GTimeZone          *zone);
gboolean           oc3_search_provider_export    (Oc3SearchProvider  *self,
                                                  GDBusConnection    *connection,
                                                  const char         *object_path,
                                                  GError            **error);
void               oc3_search_provider_unexport  (Oc3SearchProvider  *self);

G_END_DECLS
