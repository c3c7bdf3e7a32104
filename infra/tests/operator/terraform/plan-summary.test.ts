import { countPlannedChanges, formatCounts } from '../../../src/operator/terraform/plan-summary';

const change = (...actions: string[]) => ({ address: 'x', change: { actions } });

describe('countPlannedChanges', () => {
  it('counts creates, updates, deletes, and a delete-and-create as one replace', () => {
    const counts = countPlannedChanges({
      resource_changes: [
        change('create'),
        change('create'),
        change('update'),
        change('delete', 'create'),
        change('create', 'delete'),
        change('delete'),
        change('no-op'),
        change('read'),
      ],
    });
    expect(counts).toEqual({ create: 2, update: 1, replace: 2, delete: 1, unchanged: 2, move: 0 });
    expect(formatCounts(counts)).toBe('2 to create, 1 to update, 2 to replace, 1 to delete, 0 moved');
  });

  it('counts a resource planned at a new address as moved, besides what else happens to it', () => {
    const counts = countPlannedChanges({
      resource_changes: [
        { address: 'aws_sns_topic.b', previous_address: 'aws_sns_topic.a', change: { actions: ['no-op'] } },
        { address: 'aws_sns_topic.d', previous_address: 'aws_sns_topic.c', change: { actions: ['update'] } },
        { address: 'aws_sns_topic.e', previous_address: 'aws_sns_topic.e', change: { actions: ['no-op'] } },
      ],
    });
    expect(counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0, unchanged: 2, move: 2 });
  });

  it('counts nothing in an empty plan', () => {
    expect(countPlannedChanges({})).toEqual({
      create: 0,
      update: 0,
      replace: 0,
      delete: 0,
      unchanged: 0,
      move: 0,
    });
  });
});
