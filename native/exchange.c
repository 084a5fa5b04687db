/*
 * exchange(a, b): swap two paths in one atomic step, so a reader of the output
 * directory sees either the previous build or the new one, never neither.
 * Linux: renameat2(RENAME_EXCHANGE) (kernel 3.15+, most local filesystems);
 * macOS: renamex_np(RENAME_SWAP). Elsewhere, or when the filesystem refuses,
 * it throws with the errno name as `code` (ENOSYS, EINVAL, ...) and the caller
 * falls back to two renames (src/emit/swap.ts).
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
#endif

static const char *errno_name(int e) {
  switch (e) {
    case ENOENT: return "ENOENT";
    case EINVAL: return "EINVAL";
    case ENOSYS: return "ENOSYS";
    case EXDEV: return "EXDEV";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EROFS: return "EROFS";
    case EBUSY: return "EBUSY";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOSPC: return "ENOSPC";
    case ENAMETOOLONG: return "ENAMETOOLONG";
#ifdef ENOTSUP
    case ENOTSUP: return "ENOTSUP";
#endif
    default: return "EUNKNOWN";
  }
}

static napi_value throw_errno(napi_env env, int e) {
  napi_throw_error(env, errno_name(e), strerror(e));
  return NULL;
}

static int read_path(napi_env env, napi_value v, char *buf, size_t size) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, buf, size, &len) != napi_ok) return EINVAL;
  if (len + 1 >= size) return ENAMETOOLONG;
  return 0;
}

static napi_value exchange(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value args[2];
  char a[4096], b[4096];
  int e;
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok || argc < 2) return throw_errno(env, EINVAL);
  if ((e = read_path(env, args[0], a, sizeof a)) || (e = read_path(env, args[1], b, sizeof b))) return throw_errno(env, e);
#if defined(__linux__) && defined(SYS_renameat2)
  if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) != 0) return throw_errno(env, errno);
#elif defined(__APPLE__)
  if (renamex_np(a, b, RENAME_SWAP) != 0) return throw_errno(env, errno);
#else
  return throw_errno(env, ENOSYS);
#endif
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "exchange", NAPI_AUTO_LENGTH, exchange, NULL, &fn);
  napi_set_named_property(env, exports, "exchange", fn);
  return exports;
}
