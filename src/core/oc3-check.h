/* oc3-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

/* Downloads of schedules larger than this are refused. */
#define OC3_CHECK_MAX_DOWNLOAD (32 * 1024 * 1024)

int     oc3_check_main           (const char    *location,
                                  gboolean       as_json);
GBytes *oc3_check_fetch          (const char    *location,
                                  GError       **error);
char   *oc3_check_format_summary (Oc3Conference *conference,
                                  gboolean       as_json);

G_END_DECLS
