/* oc3-program-fetcher.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-program-cache.h"

G_BEGIN_DECLS

#define OC3_FETCH_ERROR (oc3_fetch_error_quark ())

/**
 * Oc3FetchError:
 * @OC3_FETCH_ERROR_NAME_NOT_FOUND: the server's name could not be resolved
 * @OC3_FETCH_ERROR_NO_CONNECTION: offline, or the server could not be reached
 * @OC3_FETCH_ERROR_TLS: the secure connection failed (bad certificate …)
 * @OC3_FETCH_ERROR_GONE: 404 or 410: the program is not at that address
 * @OC3_FETCH_ERROR_SERVER: the server answered with an error (5xx, 4xx)
 *   or something that is not HTTP
 * @OC3_FETCH_ERROR_TIMED_OUT: connecting or downloading took too long
 * @OC3_FETCH_ERROR_TOO_LARGE: the program is over the size limit
 * @OC3_FETCH_ERROR_NOT_A_SCHEDULE: a web page came back (a captive portal)
 * @OC3_FETCH_ERROR_INVALID: the validation function refused the download
 * @OC3_FETCH_ERROR_REDIRECTS: too many redirects, or a bad one
 * @OC3_FETCH_ERROR_UNSUPPORTED_URL: not an http or https address
 * @OC3_FETCH_ERROR_CANCELLED: the caller cancelled the fetch
 * @OC3_FETCH_ERROR_INCOMPLETE: the connection ended before the whole
 *   program arrived
 *
 * Every message of this domain is translated, says what went wrong in
 * words a person understands and what to do next: show it as it is.
 */
typedef enum
{
  OC3_FETCH_ERROR_NAME_NOT_FOUND,
  OC3_FETCH_ERROR_NO_CONNECTION,
  OC3_FETCH_ERROR_TLS,
  OC3_FETCH_ERROR_GONE,
  OC3_FETCH_ERROR_SERVER,
  OC3_FETCH_ERROR_TIMED_OUT,
  OC3_FETCH_ERROR_TOO_LARGE,
  OC3_FETCH_ERROR_NOT_A_SCHEDULE,
  OC3_FETCH_ERROR_INVALID,
  OC3_FETCH_ERROR_REDIRECTS,
  OC3_FETCH_ERROR_UNSUPPORTED_URL,
  OC3_FETCH_ERROR_CANCELLED,
  OC3_FETCH_ERROR_INCOMPLETE,
} Oc3FetchError;

GQuark oc3_fetch_error_quark (void);

typedef enum
{
  OC3_FETCH_STATUS_NOT_MODIFIED,
  OC3_FETCH_STATUS_NEW,
} Oc3FetchStatus;

/**
 * Oc3FetchValidateFunc:
 * @body: the complete downloaded program
 * @user_data: the data given to oc3_program_fetcher_fetch_async()
 * @error: where to say what is wrong, for a person, with where in the file
 *
 * Parses and checks a download.  Runs in a worker thread: it must not touch
 * objects the main thread uses.
 *
 * Returns: (transfer full) (nullable): the parsed result, or %NULL with
 *   @error set if @body is not a valid program
 */
typedef gpointer (*Oc3FetchValidateFunc) (GBytes   *body,
                                          gpointer  user_data,
                                          GError  **error);

/**
 * Oc3FetchResult:
 * @status: %OC3_FETCH_STATUS_NEW when a new program was downloaded,
 *   %OC3_FETCH_STATUS_NOT_MODIFIED when the server confirmed the previous one
 * @entry: (nullable): for %OC3_FETCH_STATUS_NEW, the download as it should
 *   be cached: body, requested and final URL, ETag, Last-Modified, fetch
 *   time (also its checked time); %NULL for %OC3_FETCH_STATUS_NOT_MODIFIED
 * @checked_at: when the server answered
 * @parsed: (nullable): for %OC3_FETCH_STATUS_NEW, what the validation
 *   function returned; steal it with g_steal_pointer() to keep it
 * @parsed_free: (nullable): frees @parsed when the result is freed
 */
typedef struct
{
  Oc3FetchStatus  status;
  Oc3CacheEntry  *entry;
  GDateTime      *checked_at;
  gpointer        parsed;
  GDestroyNotify  parsed_free;
} Oc3FetchResult;

void oc3_fetch_result_free (Oc3FetchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Oc3FetchResult, oc3_fetch_result_free)

/* Defaults of the fetcher's limits. */
#define OC3_PROGRAM_FETCHER_CONNECT_TIMEOUT_MS 10000
#define OC3_PROGRAM_FETCHER_TIMEOUT_MS 60000
#define OC3_PROGRAM_FETCHER_MAX_SIZE (32 * 1024 * 1024)
#define OC3_PROGRAM_FETCHER_MAX_REDIRECTS 5

#define OC3_TYPE_PROGRAM_FETCHER (oc3_program_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ProgramFetcher, oc3_program_fetcher, OC3, PROGRAM_FETCHER, GObject)

Oc3ProgramFetcher *oc3_program_fetcher_new                (void);
gboolean           oc3_program_fetcher_is_secure_url      (const char            *url);
gboolean           oc3_program_fetcher_get_online         (Oc3ProgramFetcher     *self);
GNetworkMonitor   *oc3_program_fetcher_get_network_monitor (Oc3ProgramFetcher    *self);
void               oc3_program_fetcher_set_network_monitor (Oc3ProgramFetcher    *self,
                                                            GNetworkMonitor      *monitor);
guint              oc3_program_fetcher_get_connect_timeout (Oc3ProgramFetcher    *self);
void               oc3_program_fetcher_set_connect_timeout (Oc3ProgramFetcher    *self,
                                                            guint                 milliseconds);
guint              oc3_program_fetcher_get_timeout        (Oc3ProgramFetcher     *self);
void               oc3_program_fetcher_set_timeout        (Oc3ProgramFetcher     *self,
                                                           guint                  milliseconds);
guint64            oc3_program_fetcher_get_max_size       (Oc3ProgramFetcher     *self);
void               oc3_program_fetcher_set_max_size       (Oc3ProgramFetcher     *self,
                                                           guint64                max_size);
guint64            oc3_program_fetcher_get_bytes_received (Oc3ProgramFetcher     *self);

void               oc3_program_fetcher_fetch_async        (Oc3ProgramFetcher     *self,
                                                           const char            *url,
                                                           const Oc3CacheEntry   *previous,
                                                           Oc3FetchValidateFunc   validate,
                                                           gpointer               validate_data,
                                                           GDestroyNotify         parsed_free,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
Oc3FetchResult    *oc3_program_fetcher_fetch_finish       (Oc3ProgramFetcher     *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

G_END_DECLS
