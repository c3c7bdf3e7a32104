export { NEW_ADDRESS } from '../../src/testing';
