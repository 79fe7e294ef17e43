import { typeOracleSuite } from './normalize-type-suite.js';

typeOracleSuite(18);
