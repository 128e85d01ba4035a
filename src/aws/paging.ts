/**
 * Paging, written once for every gateway. A list goes through the SDK's own paginator
 * (`paginateDescribeVpcs`, `paginateListServices`, ...), which follows the next-page token and
 * sets the page size; an operation the SDK has no paginator for (DescribeVpcEndpointServices)
 * goes through `tokenPages`. Either way every request carries the caller's abort signal.
 *
 * Single pages for "Load more" (ListClusters with a token from the view) are one request each
 * and don't come here.
 */
import { sendOptions, type CallOptions } from './call';

/**
 * An SDK paginator function. Its third argument is what the paginator hands to each
 * `client.send` (the abort signal).
 */
export type SdkPaginator<C, I, O> = (
  config: PagerConfig<C>,
  input: I,
  send: { abortSignal?: AbortSignal },
) => AsyncIterable<O>;

/** The paginator's own configuration: the client, and the items per request. */
export interface PagerConfig<C> {
  readonly client: C;
  /**
   * Items per request, for paginators that know their operation's page-size key (`MaxResults`,
   * `maxResults`, `limit`). ELBv2's paginators don't: those callers put `PageSize` in the input.
   */
  readonly pageSize?: number;
}

/** The pages of one operation through its SDK paginator, lazily: a page is requested when the previous one was read. */
export function sdkPages<C, I, O>(paginate: SdkPaginator<C, I, O>, config: PagerConfig<C>, input: I, options?: CallOptions): AsyncIterable<O> {
  return paginate(config, input, sendOptions(options));
}

/**
 * The pages of an operation the SDK has no paginator for: `fetch` asks for the page of a token
 * (none for the first), until a page names no next token (an empty one counts as none).
 */
export async function* tokenPages<O>(
  fetch: (token: string | undefined) => Promise<O>,
  nextToken: (page: O) => string | undefined,
): AsyncGenerator<O, void, undefined> {
  let token: string | undefined;
  do {
    const page = await fetch(token);
    yield page;
    token = nextToken(page) || undefined;
  } while (token);
}

/** Every item of every page, in order: reads the pages to the end. */
export async function allItems<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

/** Every item an SDK paginator yields: `sdkPages` read to the end by `allItems`. */
export function listAll<C, I, O, T>(
  paginate: SdkPaginator<C, I, O>,
  config: PagerConfig<C>,
  input: I,
  pick: (page: O) => readonly T[] | undefined,
  options?: CallOptions,
): Promise<T[]> {
  return allItems(sdkPages(paginate, config, input, options), pick);
}
