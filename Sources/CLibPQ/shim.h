#ifndef GAFFER_CLIBPQ_SHIM_H
#define GAFFER_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>

/// SQLSTATE field code (`PG_DIAG_SQLSTATE` is a char-literal macro that does not import).
static inline int gaffer_pg_diag_sqlstate(void) { return 'C'; }
static inline int gaffer_pg_diag_message_primary(void) { return 'M'; }
static inline int gaffer_pg_diag_message_detail(void) { return 'D'; }
#endif
