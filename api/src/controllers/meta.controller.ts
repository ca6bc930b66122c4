import { Controller, Get, Route, Tags } from '@tsoa/runtime';
import type { ApiIndex } from '../dtos/health.dto.js';

@Route('api/v1')
@Tags('Meta')
export class MetaController extends Controller {
  constructor(private readonly index: ApiIndex) {
    super();
  }

  /** Where the contract and its docs live. */
  @Get()
  public describe(): ApiIndex {
    return this.index;
  }
}
